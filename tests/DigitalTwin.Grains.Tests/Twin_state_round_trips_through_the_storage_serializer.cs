using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Rollups;
using DigitalTwin.Grains.Telemetry;
using DigitalTwin.Grains.TopologyDirectory;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.RemainingLife;
using DigitalTwin.Persistence.Serialization;

namespace DigitalTwin.Grains.Tests;

/// <summary>The storage writes JSON without type names; every field of the persisted states must come back intact.</summary>
public sealed class Twin_state_round_trips_through_the_storage_serializer
{
    private readonly TwinStateJsonSerializer _serializer = new();

    [Fact]
    public void Every_twin_state_field_survives_serialization()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var tracker = new DegradationTracker(TimeSpan.FromHours(12), "fan_rpm");
        for (var i = 0; i < 12; i++) tracker.Observe(now.AddMinutes(i), 6000 - i * 10);
        var state = new TwinState
        {
            Spec = new TwinSpec("fan-1", TwinKind.Fan, "srv-1", "Fan 1",
                Rated: new Dictionary<string, double> { ["max_rpm"] = 9000 },
                Limits: new Dictionary<string, MetricLimit> { ["fan_rpm"] = new(CriticalBelow: 2000) },
                Tags: ["hot-aisle"], Position: new RackPosition("A", 3), PowerFeeds: [new PowerFeed("pdu-a", "A")], CoolingUnits: ["crac-1"]),
            ParentKind = TwinKind.Server,
            Children = [new TwinRef("x", TwinKind.Cpu)],
            Latest = { ["fan_rpm"] = new MetricValue(5890, now, now.AddSeconds(1)) },
            OpenBuckets = { ["fan_rpm"] = [new BucketState { Start = now, Min = 1, Max = 3, Sum = 4, Count = 2 }] },
            Alerts = [new TwinAlert("a1", "fan-1", TwinKind.Fan, "fan_rpm", 1, 2, 0.9, now, now, AlertState.Acknowledged, HealthStatus.Warning, "why", now, "op")],
            Commands = [new CommandStatus(new DeviceCommand("c1", "fan-1", "set", new Dictionary<string, double> { ["speed_pct"] = 50 }, now), CommandState.Sent, now, null)],
            HistoryPurgedThrough = 20261024,
            HistoryStartedOn = 20261101,
            Trackers = { ["fan_rpm"] = tracker.Snapshot() },
            ChildReports =
            {
                ["x"] = new ChildReport("x", TwinKind.Cpu, HealthStatus.Warning, new Dictionary<string, double> { ["temp_c"] = 71.5 },
                    new TwinRollup("x", TwinKind.Cpu, now, 0, null, null, 0, 0, HealthStatus.Warning,
                        new Dictionary<TwinKind, int> { [TwinKind.Cpu] = 1 }, new Dictionary<HealthStatus, int> { [HealthStatus.Warning] = 1 }, 1), 1, now),
            },
            ReportedFingerprint = 42,
        };

        var copy = _serializer.Deserialize<TwinState>(_serializer.Serialize(state));

        Assert.Equal(_serializer.Serialize(state).ToString(), _serializer.Serialize(copy).ToString());
        Assert.Equal(TwinKind.Fan, copy.Spec!.Kind);
        Assert.Equal(2000, copy.Spec.Limits!["fan_rpm"].CriticalBelow);
        Assert.Equal(5890, copy.Latest["fan_rpm"].Value);
        Assert.Equal(AlertState.Acknowledged, copy.Alerts[0].State);
        Assert.Equal(50, copy.Commands[0].Command.Arguments["speed_pct"]);
        Assert.Equal(71.5, copy.ChildReports["x"].Metrics["temp_c"]);
        Assert.Equal(1, copy.ChildReports["x"].Rollup!.CountsByKind[TwinKind.Cpu]);
        Assert.Equal(ReportFingerprint.Of(state.ChildReports["x"]), ReportFingerprint.Of(copy.ChildReports["x"]));
        Assert.Equal(42, copy.ReportedFingerprint);
        var restored = DegradationTracker.Restore(copy.Trackers["fan_rpm"], "fan_rpm");
        Assert.Equal(tracker.Count, restored.Count);
        Assert.Equal(tracker.Forecast(2000, DegradationDirection.Falling, TimeSpan.FromDays(7)),
            restored.Forecast(2000, DegradationDirection.Falling, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void A_topology_state_with_a_pending_change_survives_serialization()
    {
        var state = new TopologyState
        {
            Version = 7,
            Entries = { ["dc"] = new TopologyEntry("dc", TwinKind.DataCentre, null), ["room"] = new TopologyEntry("room", TwinKind.Room, "dc") },
            Pending = new PendingChange
            {
                Provisions = [new TwinSpec("room", TwinKind.Room, "dc")],
                Moves = [new PendingMove { TwinId = "srv", Kind = TwinKind.Server, OldParentId = "r1", NewParentId = "r2" }],
                Removals = [new TopologyEntry("old", TwinKind.Rack, "room")],
                Version = 7,
            },
        };

        var copy = _serializer.Deserialize<TopologyState>(_serializer.Serialize(state));

        Assert.Equal(_serializer.Serialize(state).ToString(), _serializer.Serialize(copy).ToString());
        Assert.Equal(state.Entries["room"], copy.Entries["room"]);
        Assert.Equal("r2", copy.Pending!.Moves[0].NewParentId);
    }
}
