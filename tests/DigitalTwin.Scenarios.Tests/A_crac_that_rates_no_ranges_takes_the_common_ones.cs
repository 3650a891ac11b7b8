using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Scenarios.Tests.Support;
using static DigitalTwin.Scenarios.Tests.Support.ScenarioRuns;
using P = DigitalTwin.Abstractions.Scenarios.ScenarioProblemCodes;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>
/// A CRAC whose topology rates only its capacity: the scenarios assume the common setpoint range (14–27 °C) and fan
/// floor (30 %) that the cooling loop assumes, and never a range of 0 °C to 0 °C (a missing rating once read as 0 refused
/// every setpoint).
/// </summary>
[Collection(ScenariosCollection.Name)]
public sealed class A_crac_that_rates_no_ranges_takes_the_common_ones(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_setpoint_inside_the_common_range_runs_and_one_outside_is_refused_with_that_range()
    {
        var hall = new ScenarioHall(cracRangesRated: false);
        await hall.ImportAndFeedAsync(Grains);

        var colder = await AnswerAsync(Grains, new ScenarioRequest(hall.DataCentre,
            Cracs: [new CracSetting(hall.Crac(1), SetpointC: 16), new CracSetting(hall.Crac(2), SetpointC: 16)]));
        Assert.DoesNotContain(colder.Racks, r => r.TimeToLimitS is not null);

        var tooWarm = await Grains.GetGrain<IScenarioGrain>("warm-" + hall.P).RunAsync(new ScenarioRequest(hall.DataCentre,
            Cracs: [new CracSetting(hall.Crac(1), SetpointC: 30)]));
        var tooSlow = await Grains.GetGrain<IScenarioGrain>("slow-" + hall.P).RunAsync(new ScenarioRequest(hall.DataCentre,
            Cracs: [new CracSetting(hall.Crac(1), FanPct: 20)]));

        var warm = Assert.Single(tooWarm.Problems);
        Assert.Equal(P.InvalidValue, warm.Code);
        Assert.Contains("from 14 to 27 °C", warm.Message);
        var slow = Assert.Single(tooSlow.Problems);
        Assert.Equal(P.InvalidValue, slow.Code);
        Assert.Contains("30 %", slow.Message);
    }
}
