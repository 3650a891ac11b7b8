using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Scenarios.Tests.Support;
using static DigitalTwin.Scenarios.Tests.Support.ScenarioRuns;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>
/// Whether a rack that holds is far from its tipping point or on it, a time to the limit cannot say; the answer gives
/// every rack its least cold air over what it draws (<c>airHeadroomPct</c>). With both of the hall's units running
/// every rack has air to spare; with one stopped less, and a rack that reaches its limit is one that breathes exhaust.
/// </summary>
[Collection(ScenariosCollection.Name)]
public sealed class Every_rack_says_how_much_air_it_has_to_spare(SqliteTwinCluster cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_stopped_unit_takes_air_from_every_rack_and_the_ones_that_starve_show_less_than_they_draw()
    {
        var hall = new ScenarioHall();
        await hall.ImportAndFeedAsync(Grains);

        var running = await AnswerAsync(Grains, new ScenarioRequest(hall.DataCentre, HorizonS: 600));
        var stopped = await AnswerAsync(Grains, new ScenarioRequest(hall.DataCentre, Fail: [hall.Crac(1)], HorizonS: 600));

        for (var r = 1; r <= ScenarioHall.Racks; r++)
        {
            var before = running.Rack(hall.Rack(r)).AirHeadroomPct;
            var after = stopped.Rack(hall.Rack(r)).AirHeadroomPct;
            Assert.NotNull(before);
            Assert.NotNull(after);
            Assert.True(before > 0, $"rack {r} with both units: {before} %");
            Assert.True(after < before, $"rack {r}: {after} % with one unit, {before} % with both");
        }
        Assert.Contains(stopped.Racks, r => r.TimeToLimitS is not null);
        foreach (var rack in stopped.Racks.Where(r => r.TimeToLimitS is not null))
            Assert.True(rack.AirHeadroomPct < 0, $"{rack.Id} reached its limit with {rack.AirHeadroomPct} % air to spare");
    }
}
