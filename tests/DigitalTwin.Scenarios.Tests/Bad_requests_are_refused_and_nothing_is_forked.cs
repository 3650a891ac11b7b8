using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Scenarios.Tests.Support;
using P = DigitalTwin.Abstractions.Scenarios.ScenarioProblemCodes;

namespace DigitalTwin.Scenarios.Tests;

[Collection(ScenariosCollection.Name)]
public sealed class Bad_requests_are_refused_and_nothing_is_forked(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    public static TheoryData<string, string> Cases => new()
    {
        { "unknown root", P.UnknownTwin },
        { "unknown crac", P.UnknownTwin },
        { "server failed", P.WrongKind },
        { "negative load", P.InvalidValue },
        { "negative rack load", P.InvalidValue },
        { "occupied position", P.InvalidPosition },
        { "impossible position", P.InvalidPosition },
        { "horizon over a week", P.InvalidHorizon },
        { "step under a second", P.InvalidStep },
        { "setpoint outside rating", P.InvalidValue },
        { "rack as root", P.WrongKind },
        { "unknown path", P.UnknownTwin },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_with_a_reason(string name, string code)
    {
        var hall = new ScenarioHall();
        await hall.ImportAndFeedAsync(Grains);
        var dc = hall.DataCentre;
        var request = name switch
        {
            "unknown root" => new ScenarioRequest($"{hall.P}-nowhere"),
            "unknown crac" => new ScenarioRequest(dc, Fail: [$"{hall.P}-c9"]),
            "server failed" => new ScenarioRequest(dc, Fail: [hall.Server(1, 1)]),
            "negative load" => new ScenarioRequest(dc, Loads: [new LoadChange([hall.Server(1, 1)], -0.5)]),
            "negative rack load" => new ScenarioRequest(dc, AddRacks: [new AddedRack($"{hall.P}-new", hall.Room, "A", 9, -100)]),
            "occupied position" => new ScenarioRequest(dc, AddRacks: [new AddedRack($"{hall.P}-new", hall.Room, "A", 2, 4000)]),
            "impossible position" => new ScenarioRequest(dc, AddRacks: [new AddedRack($"{hall.P}-new", hall.Room, "A", 0, 4000)]),
            "horizon over a week" => new ScenarioRequest(dc, HorizonS: 8 * 24 * 3600),
            "step under a second" => new ScenarioRequest(dc, StepS: 0.5),
            "setpoint outside rating" => new ScenarioRequest(dc, Cracs: [new CracSetting(hall.Crac(1), SetpointC: 40)]),
            "rack as root" => new ScenarioRequest(hall.Rack(1)),
            "unknown path" => new ScenarioRequest(dc, FailPaths: ["Z"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var scenarioId = "bad-" + hall.P;

        var outcome = await Grains.GetGrain<IScenarioGrain>(scenarioId).RunAsync(request);

        Assert.False(outcome.Ran);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Null(await Grains.GetGrain<IScenarioGrain>(scenarioId).GetAnswerAsync());
        // Nothing forked: no shadow exists, and no scenario slot is held.
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Rack(1), scenarioId), TwinKind.Rack).GetSnapshotAsync());
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(new TwinKey(hall.Room, scenarioId), TwinKind.Room).GetSnapshotAsync());
        Assert.DoesNotContain(scenarioId, await Grains.GetGrain<DigitalTwin.Grains.Scenarios.IScenarioAdmissionGrain>(0).GetHeldAsync());
    }
}
