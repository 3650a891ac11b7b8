using System.Net;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.External;
using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Persistence.Serialization;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Topology;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace DigitalTwin.Ingestion.Tests.External;

/// <summary>
/// Two real silos with real membership, both reading a real mosquitto through the shared subscription; one is killed
/// mid-stream and never comes back, and the live one adopts its broker session.
/// </summary>
public sealed class SessionAdoptionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TopologyDocument _topology = TopologyGenerator.Generate(1, 2, 10, withComponents: true);
    private MosquittoBroker _mosquitto = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoBroker.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["DigitalTwin:Mqtt:Broker:Enabled"] = "false",
            ["DigitalTwin:Mqtt:External:Enabled"] = "true",
            ["DigitalTwin:Mqtt:External:Host"] = "127.0.0.1",
            ["DigitalTwin:Mqtt:External:Port"] = _mosquitto.Port.ToString(),
            ["DigitalTwin:Mqtt:External:SharedGroup"] = "silos",
            ["DigitalTwin:Mqtt:External:ReconnectDelay"] = "00:00:00.200",
            ["DigitalTwin:Mqtt:External:AdoptionPollInterval"] = "00:00:00.500",
            ["DigitalTwin:Mqtt:External:AdoptionQuietPeriod"] = "00:00:01",
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(TwinStorage.Name, o => o.GrainStorageSerializer = new TwinStateJsonSerializer())
            .AddMemoryGrainStorage("PubSubStore")
            .UseInMemoryReminderService()
            .AddDigitalTwinGrains()
            // A killed silo is declared dead within seconds rather than the production default.
            .Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            }));
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddDigitalTwinIngestion(host.Configuration);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        var imported = await _cluster.Client.GetLiveTopology().ImportAsync(_topology);
        Assert.True(imported.Applied, string.Join("; ", imported.Errors));
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    private MqttApplicationMessage Message(string twin, double seq) => new MqttApplicationMessageBuilder()
        .WithTopic($"dt/telemetry/{twin}").WithPayload($$$"""{"readings":{"seq":{{{seq}}}}}""")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private async Task<double?> LatestAsync(string twinId)
    {
        var spec = _topology.Twins.Single(t => t.Id == twinId);
        var snapshot = await _cluster.Client.GetTwin(twinId, spec.Kind).GetSnapshotAsync();
        return snapshot.Latest.TryGetValue("seq", out var value) ? value.Value : null;
    }

    private async Task AllAppliedAsync(IReadOnlyList<string> twins, Func<int, double> expected, string what)
    {
        var missing = Enumerable.Range(0, twins.Count).ToList();
        await Eventually.TrueAsync(async () =>
        {
            var still = new List<int>();
            foreach (var i in missing)
            {
                if (await LatestAsync(twins[i]) != expected(i)) still.Add(i);
            }
            missing = still;
            return missing.Count == 0;
        }, what, TimeSpan.FromSeconds(90), () => $"missing: {string.Join(", ", missing.Take(10).Select(i => twins[i]))}");
    }

    [Fact]
    public async Task A_live_silo_adopts_the_session_of_a_silo_killed_mid_stream_and_applies_every_message()
    {
        var twins = _topology.Twins.Where(t => t.Kind.LevelOf() is TwinLevel.Asset or TwinLevel.Component).Select(t => t.Id).Take(200).ToList();
        using var publisher = await MqttTestClient.ConnectAsync(_mosquitto.Port);

        // Every twin is activated on the first silo before the second joins, so killing the second loses no twin
        // state: what this test measures is the broker session, not grain placement.
        foreach (var twin in twins) await publisher.PublishAsync(Message(twin, -1));
        await AllAppliedAsync(twins, _ => -1, "the first silo applies the warm-up");

        var second = await _cluster.StartAdditionalSiloAsync();
        var survivor = _cluster.Silos[0];
        var doomed = second.ServiceProvider.GetRequiredService<ExternalBrokerClient>();
        var doomedStatistics = second.ServiceProvider.GetRequiredService<IngestionStatistics>();
        var survivorStatistics = survivor.ServiceProvider.GetRequiredService<IngestionStatistics>();
        Assert.Equal(ExternalSession.ClientIdFor(new() { ClientIdPrefix = "dt-silo" }, second.SiloAddress.Endpoint), doomed.ClientId);
        Assert.StartsWith("dt-silo-", doomed.ClientId);
        await Eventually.TrueAsync(async () =>
        {
            await publisher.PublishAsync(Message(twins[0], -2));
            return doomedStatistics.Snapshot().AppliedMessages > 0;
        }, "the second silo receives a share of the messages");

        var run = Random.Shared.Next(1, 1_000_000) * 1000.0;
        var killAt = twins.Count / 3;
        for (var i = 0; i < twins.Count; i++)
        {
            if (i == killAt)
            {
                // A crash: the connection drops with messages unacknowledged, then the silo dies without leaving.
                doomed.Dispose();
                await _cluster.KillSiloAsync(second);
            }
            await publisher.PublishAsync(Message(twins[i], run + i));
        }
        var appliedByDoomed = doomedStatistics.Snapshot().AppliedMessages;

        await AllAppliedAsync(twins, i => run + i, "every message is applied through the live silo");
        await Eventually.TrueAsync(() => survivorStatistics.Snapshot().SessionsAdopted >= 1, "the adoption is counted");

        var survivorSnapshot = survivorStatistics.Snapshot();
        output.WriteLine($"messages: {twins.Count}, killed at {killAt}; applied by the killed silo: {appliedByDoomed}; " +
                         $"by the survivor: {survivorSnapshot.AppliedMessages} (adopted sessions: {survivorSnapshot.SessionsAdopted}, adopted messages: {survivorSnapshot.AdoptedMessages})");
        Assert.True(survivorSnapshot.AdoptedMessages > 0, "the dead silo's session held its share and the survivor applied it");

        // The adopted session is over: the broker no longer queues the dead silo's share.
        using var probe = new MqttClientFactory().CreateMqttClient();
        var resumed = await probe.ConnectAsync(MqttTestClient.Options(_mosquitto.Port, clientId: doomed.ClientId, cleanStart: false));
        Assert.False(resumed.IsSessionPresent, "the dead silo's session was ended after adoption");
        await probe.DisconnectAsync(new MqttClientDisconnectOptions { SessionExpiryInterval = 0 });
    }

    [Fact]
    public void Only_the_lowest_live_silo_adopts_and_never_a_session_whose_endpoint_runs_again()
    {
        SiloAddress Silo(int port, int generation) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);
        var low = Silo(11111, 1);
        var high = Silo(11112, 1);
        var dead = Silo(11113, 1);
        var restartedOld = Silo(11114, 1);
        var restartedNew = Silo(11114, 2);
        var members = new Dictionary<SiloAddress, SiloStatus>
        {
            [low] = SiloStatus.Active,
            [high] = SiloStatus.Active,
            [dead] = SiloStatus.Dead,
            [restartedOld] = SiloStatus.Dead,
            [restartedNew] = SiloStatus.Joining,
        };

        Assert.Equal([dead], SessionAdopter.DeadSessionsFor(low, members));
        Assert.Empty(SessionAdopter.DeadSessionsFor(high, members));

        members[low] = SiloStatus.Dead;
        Assert.Equal([low, dead], SessionAdopter.DeadSessionsFor(high, members));
        Assert.Equal("dt-silo-127.0.0.1-11113", ExternalSession.ClientIdFor(new() { ClientIdPrefix = "dt-silo" }, dead.Endpoint));
    }
}
