using DigitalTwin.Grains.Scenarios.Physics;
using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// The room models settled on the forked, unperturbed state and calibrated to its readings; every run (baseline,
/// scenario, mitigation) starts from a copy of them.
/// </summary>
internal sealed class CalibratedRooms
{
    private readonly Dictionary<string, RoomAirModel> _settled;

    public CalibratedRooms(DataCentrePlant unperturbed)
    {
        FeedModel.Apply(unperturbed);
        _settled = unperturbed.Rooms.Values.ToDictionary(r => r.Id, r => new RoomAirModel(r), StringComparer.Ordinal);
        foreach (var (id, model) in _settled)
        {
            var room = unperturbed.Rooms[id];
            var calibrated = model.Settle();
            if (calibrated > 0) unperturbed.Calibrated.Add($"{id}: inlet offsets of {calibrated} of {room.Racks.Count} racks from their servers' latest inlet_temp_c");
        }
    }

    /// <summary>Runs a plant forward from the calibrated state.</summary>
    public PlantRun Run(DataCentrePlant plant, double horizonS, double stepS, int stride)
    {
        FeedModel.Apply(plant);
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var limits = new Dictionary<string, double?>(StringComparer.Ordinal);
        var peaks = new Dictionary<string, double>(StringComparer.Ordinal);
        var ends = new Dictionary<string, RoomAirModel>(StringComparer.Ordinal);
        var seriesStep = stepS * stride;
        foreach (var room in plant.Rooms.Values)
        {
            var model = _settled[room.Id].Fork(room);
            var run = model.Run(horizonS, stepS, stride);
            seriesStep = run.SeriesStepS;
            foreach (var (id, s) in run.Series) series[id] = s;
            foreach (var (id, t) in run.TimeToLimitS) limits[id] = t;
            foreach (var (id, p) in run.PeakC) peaks[id] = p;
            ends[room.Id] = model;
        }
        return new PlantRun(plant, new ThermalRun(seriesStep, series, limits, peaks), ends);
    }
}
