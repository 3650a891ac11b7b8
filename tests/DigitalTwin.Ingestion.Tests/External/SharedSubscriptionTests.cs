using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.External;
using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace DigitalTwin.Ingestion.Tests.External;

/// <summary>
/// Two "silos" (two ingestion stacks over the same cluster, each with its own client id) read one topic space from
/// a real mosquitto through a shared subscription.
/// </summary>
[Collection(OpenBrokerCollection.Name)]
public sealed class SharedSubscriptionTests(OpenBrokerCluster silo, ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _mosquitto = null!;

    public async Task InitializeAsync() => _mosquitto = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _mosquitto.DisposeAsync();

    private sealed class Ingestion(ServiceProvider services) : IAsyncDisposable
    {
        public ExternalBrokerClient Client => services.GetRequiredService<ExternalBrokerClient>();
        public IngestionStatistics Statistics => services.GetRequiredService<IngestionStatistics>();

        public Task StartAsync() => Client.StartAsync(CancellationToken.None);

        /// <summary>Drops the connection as a crash would: nothing in flight is acknowledged.</summary>
        public void Kill() => Client.Dispose();

        public async ValueTask DisposeAsync()
        {
            await Client.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }

    private Ingestion CreateIngestion(string clientId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:Mqtt:Broker:Enabled"] = "false",
            ["DigitalTwin:Mqtt:External:Enabled"] = "true",
            ["DigitalTwin:Mqtt:External:Host"] = "127.0.0.1",
            ["DigitalTwin:Mqtt:External:Port"] = _mosquitto.Port.ToString(),
            ["DigitalTwin:Mqtt:External:ClientId"] = clientId,
            ["DigitalTwin:Mqtt:External:SharedGroup"] = "silos",
            ["DigitalTwin:Mqtt:External:ReconnectDelay"] = "00:00:00.200",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(silo.Grains)
            .AddDigitalTwinIngestion(configuration)
            .BuildServiceProvider();
        return new Ingestion(services);
    }

    [Fact]
    public async Task Two_silos_split_the_messages_and_one_killed_mid_stream_loses_none_at_qos1()
    {
        var twins = silo.Topology.Twins.Where(t => t.Kind.LevelOf() is TwinLevel.Asset or TwinLevel.Component).Select(t => t.Id).Take(401).ToList();
        // The warm-up publishes to a twin of its own: a warm-up message one member applies late would otherwise land
        // after the same twin's message of the run and stand as its latest value.
        var warmUp = twins[^1];
        twins.RemoveAt(twins.Count - 1);
        var run = Random.Shared.Next(1, 1_000_000) * 1000.0;
        var a = CreateIngestion("silo-a");
        var b = CreateIngestion("silo-b");
        await a.StartAsync();
        await b.StartAsync();
        using var publisher = await MqttTestClient.ConnectAsync(_mosquitto.Port);
        MqttApplicationMessage Message(string twin, double seq) => new MqttApplicationMessageBuilder()
            .WithTopic($"dt/telemetry/{twin}").WithPayload($$$"""{"readings":{"seq":{{{seq}}}}}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

        // Both members are subscribed once each has applied something.
        await Eventually.TrueAsync(async () =>
        {
            await publisher.PublishAsync(Message(warmUp, -1));
            return a.Statistics.Snapshot().AppliedMessages > 0 && b.Statistics.Snapshot().AppliedMessages > 0;
        }, "both silos receive a share of the messages");

        var killAt = twins.Count / 3;
        for (var i = 0; i < twins.Count; i++)
        {
            if (i == killAt) a.Kill();
            await publisher.PublishAsync(Message(twins[i], run + i));
        }
        var appliedByA = a.Statistics.Snapshot().AppliedMessages;
        var a2 = CreateIngestion("silo-a");
        await a2.StartAsync();

        var missing = twins.ToList();
        await Eventually.TrueAsync(async () =>
        {
            var still = new List<string>();
            foreach (var twin in missing)
            {
                if (await silo.LatestAsync(twin, "seq") != run + twins.IndexOf(twin)) still.Add(twin);
            }
            missing = still;
            return missing.Count == 0;
        }, "every message is applied", TimeSpan.FromSeconds(60), () => $"missing {missing.Count}: {string.Join(", ", missing.Take(10))}; "
            + $"a applied {appliedByA} before the kill, b {b.Statistics.Snapshot().AppliedMessages}, a after restart {a2.Statistics.Snapshot().AppliedMessages}");

        var appliedByB = b.Statistics.Snapshot().AppliedMessages;
        var appliedByRestartedA = a2.Statistics.Snapshot().AppliedMessages;
        output.WriteLine($"applied by a before the kill: {appliedByA}, by b: {appliedByB}, by a after restart: {appliedByRestartedA}");
        Assert.True(appliedByB > 0 && appliedByA + appliedByRestartedA > 0, "both silos took a share");
        Assert.True(appliedByRestartedA > 0, "the restarted silo received what its session held");
        await a2.DisposeAsync();
        await b.DisposeAsync();
    }
}
