using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Scenarios.Tests.Support;
using static DigitalTwin.Scenarios.Tests.Support.ScenarioRuns;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>
/// A floor whose air has never run short cannot be read from its telemetry: which unit's air reaches which rack only
/// shows when one stops. A room that rates its floor survey (<c>air_reach_m</c>) gets it used: the rack beside the
/// stopped unit, far from the other, loses most of its air, and the rack beside the running unit keeps it.
/// </summary>
[Collection(ScenariosCollection.Name)]
public sealed class A_surveyed_floor_decides_which_racks_starve_when_a_unit_stops(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_rack_far_from_the_running_unit_heats_sooner_than_without_the_survey_and_the_answer_says_so()
    {
        var plain = new ScenarioHall();
        var surveyed = new ScenarioHall(airReachM: 1);
        await plain.ImportAndFeedAsync(Grains);
        await surveyed.ImportAndFeedAsync(Grains);

        var withoutSurvey = await AnswerAsync(Grains, new ScenarioRequest(plain.DataCentre, Fail: [plain.Crac(1)], HorizonS: 600));
        var withSurvey = await AnswerAsync(Grains, new ScenarioRequest(surveyed.DataCentre, Fail: [surveyed.Crac(1)], HorizonS: 600));

        // Rack 1 stands beside the stopped unit, rack 4 beside the running one (hall: units at slots 1 and 4).
        var farPlain = withoutSurvey.Rack(plain.Rack(1)).Series;
        var farSurveyed = withSurvey.Rack(surveyed.Rack(1)).Series;
        var nearSurveyed = withSurvey.Rack(surveyed.Rack(4)).Series;
        var nearPlain = withoutSurvey.Rack(plain.Rack(4)).Series;
        // Twenty seconds in, once the stopped unit's fan has mostly coasted down (the hall is short of cooling with one
        // unit, so every rack heats; the floor decides which heats first).
        Assert.True(farSurveyed[2] > farPlain[2] + 1, $"at 20 s rack 1: surveyed {farSurveyed[2]:0.00} °C, not surveyed {farPlain[2]:0.00} °C");
        Assert.True(nearSurveyed[2] < nearPlain[2] - 0.5, $"at 20 s rack 4: surveyed {nearSurveyed[2]:0.00} °C, not surveyed {nearPlain[2]:0.00} °C");
        Assert.True(farSurveyed[2] > nearSurveyed[2] + 2, $"at 20 s surveyed: rack 1 {farSurveyed[2]:0.00} °C, rack 4 {nearSurveyed[2]:0.00} °C");
        Assert.True(withSurvey.Rack(surveyed.Rack(1)).TimeToLimitS < withoutSurvey.Rack(plain.Rack(1)).TimeToLimitS);
        Assert.Contains(withSurvey.Calibration.Defaulted, c => c.Contains("floor survey"));
        Assert.DoesNotContain(withoutSurvey.Calibration.Defaulted, c => c.Contains("floor survey"));
    }
}
