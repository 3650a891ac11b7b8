using System.Text.Json;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Scenarios.Tests.Support;

namespace DigitalTwin.Scenarios.Tests;

[Collection(ScenariosCollection.Name)]
public sealed class Scenarios_never_change_live_twins_or_storage(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_scenario_with_every_perturbation_leaves_live_snapshots_and_stored_rows_byte_identical()
    {
        var hall = new ScenarioHall();
        await hall.ImportAndFeedAsync(Grains);
        var twins = hall.Document().Twins;
        // Let every twin checkpoint its readings first, so what is stored is settled before the scenario runs.
        var rowsBefore = await Eventually.Until(async () =>
        {
            var first = cluster.Rows();
            await Task.Delay(1000);
            return (First: first, Second: cluster.Rows());
        }, r => Same(r.First, r.Second) && r.First.Any(row => row.Grain.Contains(hall.Server(4, 3))), "stored rows to settle");
        var before = await SnapshotsAsync(twins);

        var scenarioId = "fork-" + hall.P;
        var outcome = await Grains.GetGrain<IScenarioGrain>(scenarioId).RunAsync(new ScenarioRequest(hall.DataCentre,
            Fail: [hall.Crac(1), hall.Pdu(1, 'a')],
            AddRacks: [new AddedRack($"{hall.P}-new", hall.Room, "A", 5, 4000)],
            Loads: [new LoadChange([hall.Rack(2)], 1.5)],
            Cracs: [new CracSetting(hall.Crac(2), SetpointC: 16, FanPct: 90)],
            HorizonS: 600));
        Assert.True(outcome.Ran, string.Join("; ", outcome.Problems));
        var run = Assert.Single(await Grains.GetGrain<IAuditTrailGrain>(0).ListAsync(new AuditQuery(Action: AuditActions.ScenarioRun, TwinId: hall.DataCentre)));
        Assert.Contains($"scenario {scenarioId}: fail [{hall.Crac(1)},{hall.Pdu(1, 'a')}]", run.Detail);
        // The shadows hold the scenario: the failed CRAC's shadow stopped, the added rack stands in the shadow room.
        var shadowCrac = await Grains.GetTwin(new TwinKey(hall.Crac(1), scenarioId), TwinKind.Crac).GetSnapshotAsync();
        Assert.Equal(0, shadowCrac.Latest["fan_pct"].Value);
        Assert.Contains((await Grains.GetTwin(new TwinKey(hall.Room, scenarioId), TwinKind.Room).GetChildrenAsync()), c => c.Id == $"{hall.P}-new");
        await Task.Delay(1000);
        var during = cluster.Rows();
        await Grains.GetGrain<IScenarioGrain>(scenarioId).EndAsync();
        await Task.Delay(500);

        var after = await SnapshotsAsync(twins);
        Assert.Equal(before.Count, after.Count);
        foreach (var (id, json) in before) Assert.True(json == after[id], $"live twin {id} changed:\n{json}\n{after[id]}");
        Assert.True(Same(rowsBefore.Second, during), "stored rows changed while the scenario ran");
        Assert.True(Same(rowsBefore.Second, cluster.Rows()), "stored rows changed after the scenario ended");
        Assert.DoesNotContain(cluster.Rows(), row => row.Grain.Contains('~') || row.Grain.Contains(scenarioId));
    }

    /// <summary>Each twin's snapshot as JSON, without the instants that only say when it was asked.</summary>
    private async Task<Dictionary<string, string>> SnapshotsAsync(IEnumerable<TwinSpec> twins)
    {
        var result = new Dictionary<string, string>();
        foreach (var spec in twins)
        {
            var snapshot = await Grains.GetTwin(spec.Id, spec.Kind).GetSnapshotAsync();
            result[spec.Id] = JsonSerializer.Serialize(snapshot with { AsOf = default, Rollup = snapshot.Rollup is null ? null : snapshot.Rollup with { AsOf = default } });
        }
        return result;
    }

    private static bool Same(IReadOnlyList<(string State, string Grain, long Version, byte[] Payload)> a, IReadOnlyList<(string State, string Grain, long Version, byte[] Payload)> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.State == p.Second.State && p.First.Grain == p.Second.Grain
            && p.First.Version == p.Second.Version && p.First.Payload.AsSpan().SequenceEqual(p.Second.Payload));
}
