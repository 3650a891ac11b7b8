using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Changes;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>The test cluster groups incidents every 200 ms; devices publish every 2 s of reading time.</summary>
[Collection(GrainsCollection.Name)]
public sealed class Incidents_name_the_probable_cause(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_failed_crac_and_the_hot_racks_it_cools_become_one_cooling_incident_that_is_acknowledged_and_resolves()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var feeds = cluster.Client.GetStreamProvider(TwinChangeStreams.ProviderName);
        await using var byKind = await StreamRecorder<TwinChange>.SubscribeAsync(feeds.KindStream(TwinChangeKind.Incident));
        await using var dcTwin = await StreamRecorder<TwinChange>.SubscribeAsync(feeds.TwinStream(t.DataCentre));
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var crac = new DeviceFeed(Grains, t.Crac('a'), TwinKind.Crac, start);
        var servers = new[] { t.Server('a', 1, 1), t.Server('a', 1, 2), t.Server('a', 2, 1), t.Server('a', 2, 2) }
            .Select(id => new DeviceFeed(Grains, id, TwinKind.Server, start)).ToArray();

        for (var i = 0; i < 12; i++)
        {
            await crac.Send(new Dictionary<string, double> { [MetricNames.Power] = 0, [MetricNames.SupplyTemperature] = 29, [MetricNames.Setpoint] = 18 });
            foreach (var server in servers) await server.Send(MetricNames.InletTemperature, 29 + i * 0.1);
        }

        var incident = await Eventually.Until(() => DataCentre(t).GetIncidentsAsync(),
            list => list.Count == 1 && list[0].TwinIds.Count == 5, "one incident over the CRAC and its four servers");
        var only = incident[0];
        Assert.Equal((IncidentCause.Cooling, t.Crac('a'), TwinKind.Crac, HealthStatus.Critical), (only.Cause, only.CauseTwinId, only.CauseKind, only.Severity));
        Assert.Contains($"CRAC {t.Crac('a')} is not cooling", only.Summary);
        Assert.True(await DataCentre(t).AcknowledgeIncidentAsync(only.IncidentId, "facilities"));
        Assert.False(await DataCentre(t).AcknowledgeIncidentAsync("no-such-incident", "facilities"));
        var audited = Assert.Single(await cluster.Client.GetGrain<IAuditTrailGrain>(0).ListAsync(new AuditQuery(Action: AuditActions.IncidentAcknowledge, TwinId: t.DataCentre)));
        Assert.Equal($"incident {only.IncidentId} acknowledged by facilities", audited.Detail);
        Assert.Equal(AlertState.Acknowledged, Assert.Single(await DataCentre(t).GetIncidentsAsync()).State);
        bool Announced(TwinChange c, AlertState state) => c.TwinId == t.DataCentre && c.Incident?.IncidentId == only.IncidentId && c.Incident.State == state;
        var raised = await byKind.WaitForAsync(c => Announced(c, AlertState.Raised), "the incident raised on the incident feed");
        await byKind.WaitForAsync(c => Announced(c, AlertState.Acknowledged) && c.Incident!.AcknowledgedBy == "facilities", "its acknowledgement on the incident feed");
        await dcTwin.WaitForAsync(c => c.Change == TwinChangeKind.Incident && c.Incident?.IncidentId == only.IncidentId, "the incident on the data centre's own feed");
        Assert.Equal((TwinChangeKind.Incident, IncidentCause.Cooling, t.Crac('a')), (raised.Change, raised.Incident!.Cause, raised.Incident.CauseTwinId));

        for (var i = 0; i < 12; i++)
        {
            await crac.Send(new Dictionary<string, double> { [MetricNames.Power] = 6000, [MetricNames.SupplyTemperature] = 18, [MetricNames.Setpoint] = 18 });
            foreach (var server in servers) await server.Send(MetricNames.InletTemperature, 22);
        }
        var after = await Eventually.Until(() => DataCentre(t).GetIncidentsAsync(includeResolved: true),
            list => list.All(i => i.State == AlertState.Resolved), "the incident to resolve");
        var resolved = Assert.Single(after);
        Assert.Equal((only.IncidentId, "facilities"), (resolved.IncidentId, resolved.AcknowledgedBy));
        Assert.Empty(await DataCentre(t).GetIncidentsAsync());
        await byKind.WaitForAsync(c => Announced(c, AlertState.Resolved), "its resolution on the incident feed");
    }

    [Fact]
    public async Task One_server_warming_alone_is_airflow_and_warming_with_its_power_is_a_workload_surge()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var busy = $"{t.Prefix}-busy";
        var limits = new Dictionary<string, MetricLimit>
        {
            [MetricNames.InletTemperature] = new(WarnAbove: 27, CriticalAbove: 32),
            [MetricNames.Power] = new(WarnAbove: 600),
        };
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(busy, TwinKind.Server, t.Rack('a', 2), Limits: limits))).Applied);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var blocked = new DeviceFeed(Grains, t.Server('a', 1, 1), TwinKind.Server, start);
        var surging = new DeviceFeed(Grains, busy, TwinKind.Server, start);

        for (var i = 0; i < 10; i++)
        {
            await blocked.Send(new Dictionary<string, double> { [MetricNames.InletTemperature] = 30, [MetricNames.Power] = 300 });
            await surging.Send(new Dictionary<string, double> { [MetricNames.InletTemperature] = 28.5, [MetricNames.Power] = 750, [MetricNames.Utilisation] = 98 });
        }

        var incidents = await Eventually.Until(() => DataCentre(t).GetIncidentsAsync(), list => list.Count == 2, "two incidents");
        var airflow = Assert.Single(incidents, i => i.Cause == IncidentCause.Airflow);
        Assert.Equal((t.Server('a', 1, 1), TwinKind.Server), (airflow.CauseTwinId, airflow.CauseKind));
        Assert.Contains("blocked or recirculating airflow", airflow.Summary);
        var workload = Assert.Single(incidents, i => i.Cause == IncidentCause.Workload);
        Assert.Equal(busy, workload.CauseTwinId);
        Assert.Equal(2, workload.AlertIds.Count);
    }

    [Fact]
    public async Task A_pdu_that_loses_its_input_is_a_power_incident_with_the_racks_it_feeds()
    {
        var t = TestTopology.New();
        var document = t.Document(rooms: 1, racks: 1, servers: 1);
        var pdu = $"{t.Prefix}-pdu-a";
        var serverLimits = new Dictionary<string, MetricLimit> { [MetricNames.Power] = new(WarnBelow: 50) };
        var twins = document.Twins
            .Select(s => s.Kind switch
            {
                TwinKind.Rack => s with { PowerFeeds = [new PowerFeed(pdu, "A")] },
                TwinKind.Server => s with { Limits = serverLimits },
                _ => s,
            })
            .Append(new TwinSpec(pdu, TwinKind.Pdu, t.Room('a'), Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 20_000 }))
            .ToList();
        Assert.True((await Grains.GetLiveTopology().ImportAsync(document with { Twins = twins })).Applied);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var feed = new DeviceFeed(Grains, pdu, TwinKind.Pdu, start);
        var server = new DeviceFeed(Grains, t.Server('a', 1, 1), TwinKind.Server, start);

        for (var i = 0; i < 10; i++)
        {
            await feed.Send(new Dictionary<string, double> { [MetricNames.InputVoltage] = 0, [MetricNames.Power] = 0 });
            await server.Send(MetricNames.Power, 0);
        }

        var incidents = await Eventually.Until(() => DataCentre(t).GetIncidentsAsync(), list => list.Count == 1 && list[0].TwinIds.Count == 2, "one power incident");
        Assert.Equal((IncidentCause.Power, pdu, TwinKind.Pdu), (incidents[0].Cause, incidents[0].CauseTwinId, incidents[0].CauseKind));
        Assert.Contains("lost its input", incidents[0].Summary);
    }

    private IDataCentreGrain DataCentre(TestTopology t) => Grains.GetGrain<IDataCentreGrain>(t.DataCentre);
}
