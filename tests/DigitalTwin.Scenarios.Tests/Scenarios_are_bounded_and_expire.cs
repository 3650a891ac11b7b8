using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Scenarios.Tests.Support;

namespace DigitalTwin.Scenarios.Tests;

[Collection(ScenariosCollection.Name)]
public sealed class Scenarios_are_bounded_and_expire(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_scenario_beyond_the_limit_is_refused_until_one_ends()
    {
        var hall = new ScenarioHall();
        await hall.ImportAndFeedAsync(Grains);
        var held = Enumerable.Range(1, SqliteTwinCluster.MaxConcurrent).Select(n => Grains.GetGrain<IScenarioGrain>($"held{n}-{hall.P}")).ToList();
        foreach (var scenario in held) Assert.True((await scenario.RunAsync(new ScenarioRequest(hall.Room, HorizonS: 60))).Ran);

        var refused = await Grains.GetGrain<IScenarioGrain>($"over-{hall.P}").RunAsync(new ScenarioRequest(hall.Room, HorizonS: 60));
        await held[0].EndAsync();
        var admitted = await Grains.GetGrain<IScenarioGrain>($"after-{hall.P}").RunAsync(new ScenarioRequest(hall.Room, HorizonS: 60));
        await Grains.GetGrain<IScenarioGrain>($"after-{hall.P}").EndAsync();
        await held[1].EndAsync();

        Assert.Equal(ScenarioProblemCodes.TooManyScenarios, Assert.Single(refused.Problems).Code);
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Rack(1), $"over-{hall.P}"), TwinKind.Rack).GetSnapshotAsync());
        Assert.True(admitted.Ran);
    }

    [Fact]
    public async Task Shadows_and_answer_are_let_go_at_expiry()
    {
        var hall = new ScenarioHall();
        await hall.ImportAndFeedAsync(Grains);
        var id = "expiring-" + hall.P;
        var outcome = await Grains.GetGrain<IScenarioGrain>(id).RunAsync(new ScenarioRequest(hall.Room, Fail: [hall.Crac(2)], HorizonS: 300));
        Assert.True(outcome.Ran);
        // Room, 2 UPSs, 2 CRACs, 4 racks, 8 PDUs, 12 servers and the room's service; not the 12 CPUs.
        Assert.Equal(1 + 2 + 2 + 4 + 8 + 12 + 1, outcome.Answer!.Timings.TwinsForked);
        Assert.Equal(1 + 2 + 2 + 4 + 8 + 12 + 1 + 12, outcome.Answer.Timings.TwinsInSubtree);
        var shadow = await Grains.GetTwin(new TwinKey(hall.Server(1, 1), id), TwinKind.Server).GetSnapshotAsync();
        Assert.Equal(2000, shadow.Latest["power_w"].Value);
        // Components are not forked: the models do not need them.
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Cpu(1, 1), id), TwinKind.Cpu).GetSnapshotAsync());

        await Eventually.TrueAsync(async () => await Grains.GetGrain<IScenarioGrain>(id).GetAnswerAsync() is null,
            "the answer to expire", SqliteTwinCluster.Lifetime * 4);
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Server(1, 1), id), TwinKind.Server).GetSnapshotAsync());
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Room, id), TwinKind.Room).GetSnapshotAsync());
        Assert.DoesNotContain(id, await Grains.GetGrain<DigitalTwin.Grains.Scenarios.IScenarioAdmissionGrain>(0).GetHeldAsync());
    }
}
