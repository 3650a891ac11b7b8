using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Scenarios.Tests.Support;
using static DigitalTwin.Scenarios.Tests.Support.ScenarioRuns;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>
/// Through the grains, not just the model: a CRAC with no rated coast-down keeps moving air for the default seconds
/// after it stops, and one rated <c>fan_coast_down_s: 0</c> takes its air at once. (Reading a missing rating as 0 once
/// made every live scenario stop its units dead and put the first crossing at 9 s where the world took 38 s.)
/// </summary>
[Collection(ScenariosCollection.Name)]
public sealed class A_stopped_crac_coasts_down_unless_rated_to_stop_dead(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task An_unrated_unit_coasts_and_a_braked_one_takes_its_air_at_once()
    {
        var coasting = new ScenarioHall();
        var braked = new ScenarioHall(cracCoastDownS: 0);
        await coasting.ImportAndFeedAsync(Grains);
        await braked.ImportAndFeedAsync(Grains);

        // One-second steps over the first two minutes: the coast-down is seconds long.
        var coasts = await AnswerAsync(Grains, new ScenarioRequest(coasting.DataCentre, Fail: [coasting.Crac(1)], HorizonS: 120, StepS: 1));
        var stops = await AnswerAsync(Grains, new ScenarioRequest(braked.DataCentre, Fail: [braked.Crac(1)], HorizonS: 120, StepS: 1));

        var coastingRack = coasts.Rack(coasting.Rack(1)).Series;
        var brakedRack = stops.Rack(braked.Rack(1)).Series;
        Assert.Equal(coastingRack[0], brakedRack[0], 1);
        // Ten seconds in, the braked unit's rack has had no air from it and the coasting one's still has most of it.
        Assert.True(brakedRack[10] > coastingRack[10] + 0.5, $"at 10 s: braked {brakedRack[10]:0.00} °C, coasting {coastingRack[10]:0.00} °C");
        Assert.True(brakedRack[^1] >= coastingRack[^1], $"at 120 s: braked {brakedRack[^1]:0.00} °C, coasting {coastingRack[^1]:0.00} °C");
        Assert.Contains(coasts.Calibration.Defaulted, c => c.Contains("crac.fan_dynamics"));
    }
}
