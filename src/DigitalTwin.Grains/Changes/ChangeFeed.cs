using DigitalTwin.Abstractions.Changes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Streams;

namespace DigitalTwin.Grains.Changes;

/// <summary>
/// The change-feed stream provider as a grain sees it: absent when the host registered no
/// <see cref="TwinChangeStreams.ProviderName"/> provider (then nothing is published and nothing fails).
/// </summary>
public sealed class ChangeFeed
{
    private readonly IStreamProvider? _provider;

    private ChangeFeed(IStreamProvider? provider) => _provider = provider;

    /// <summary>The feed of a silo's services.</summary>
    public static ChangeFeed For(IServiceProvider services) =>
        new(services.GetKeyedService<IStreamProvider>(TwinChangeStreams.ProviderName));

    /// <summary>Whether the host has change feeds.</summary>
    public bool Enabled => _provider is not null;

    /// <summary>Publishes one item on a stream; a no-op without a provider.</summary>
    public Task PublishAsync<T>(StreamId stream, T item) =>
        _provider is null ? Task.CompletedTask : _provider.GetStream<T>(stream).OnNextAsync(item);
}
