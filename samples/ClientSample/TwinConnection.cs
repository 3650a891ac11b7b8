using System.Net;
using DigitalTwin.Abstractions.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ClientSample;

/// <summary>
/// An ordinary Orleans client of the twin's cluster: cluster and service id <c>digitaltwin</c>, one silo gateway, and
/// the change-feed stream provider under the name the silos use (<see cref="TwinChangeStreams.ProviderName"/>).
/// </summary>
internal sealed class TwinConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private TwinConnection(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<TwinConnection> ConnectAsync(IPEndPoint gateway)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = "digitaltwin"; o.ServiceId = "digitaltwin"; });
            client.UseStaticClustering(gateway);
            client.AddMemoryStreams(TwinChangeStreams.ProviderName);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TwinConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
