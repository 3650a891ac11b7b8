using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Scenarios.Tests.Support;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>
/// A CRAC that reports it stopped (no power, no fan) raises a cooling incident naming it; the data centre runs the
/// what-if of the room with that unit kept stopped on the live state and attaches the answer: the rack beside it
/// reaches its limit first, in so many seconds, and the scenario's slot is given back at once.
/// </summary>
[Collection(ScenariosCollection.Name)]
public sealed class A_stopped_crac_s_incident_forecasts_which_racks_reach_their_limit_and_when(SqliteTwinCluster cluster)
{
    private readonly ScenarioHall _hall = new();

    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_incident_carries_the_forecast_of_its_room_with_the_stopped_unit()
    {
        await _hall.ImportAndFeedAsync(Grains);
        var start = DateTimeOffset.UtcNow;
        var crac = Grains.GetTelemetryTarget(new TwinKey(_hall.Crac(1)), TwinKind.Crac)!;
        // Reading time runs ahead of the wall clock here: six batches five seconds apart outlast the role debounce.
        for (var i = 1; i <= 6; i++)
        {
            var at = start.AddSeconds(5 * i);
            await crac.IngestAsync(new TelemetryBatch(_hall.Crac(1),
            [
                new Reading(MetricNames.Power, 0, at), new Reading(MetricNames.FanPercent, 0, at), new Reading(MetricNames.Airflow, 0, at),
                new Reading(MetricNames.SupplyTemperature, 27, at), new Reading(MetricNames.Setpoint, 18, at),
            ]));
        }

        var incidents = await Eventually.Until(() => Grains.GetGrain<IDataCentreGrain>(_hall.DataCentre).GetIncidentsAsync(),
            list => list.Any(i => i.Forecast is not null), "a cooling incident with its forecast", TimeSpan.FromSeconds(90));

        var incident = Assert.Single(incidents, i => i.Forecast is not null);
        Assert.Equal((IncidentCause.Cooling, _hall.Crac(1)), (incident.Cause, incident.CauseTwinId));
        var forecast = incident.Forecast!;
        Assert.Equal(_hall.Room, forecast.RoomId);
        Assert.Equal([_hall.Crac(1)], forecast.Failed);
        Assert.Equal(_hall.Rack(1), forecast.FirstRackId);
        Assert.NotNull(forecast.FirstLimitS);
        Assert.Equal(forecast.FirstLimitS, forecast.Racks[0].TimeToLimitS);
        Assert.True(forecast.Racks.Zip(forecast.Racks.Skip(1)).All(p => p.First.TimeToLimitS <= p.Second.TimeToLimitS), "soonest first");
        Assert.True(forecast.RacksAtLimit >= forecast.Racks.Count);
        Assert.Contains(forecast.Services, s => s == "web");
        Assert.StartsWith($"If {_hall.Crac(1)} stays stopped: {_hall.Rack(1)} reaches 32 °C in ", forecast.Summary);
        // The forecast gave its scenario back: both of the cluster's slots are free.
        await Task.WhenAll(ScenarioRuns.AnswerAsync(Grains, new(_hall.Room)), ScenarioRuns.AnswerAsync(Grains, new(_hall.Room)));
    }
}
