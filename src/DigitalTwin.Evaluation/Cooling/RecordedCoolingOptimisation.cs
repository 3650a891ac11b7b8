using DigitalTwin.Evaluation.WhatIf;
using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Evaluation.Cooling;

/// <summary>
/// The silo's cooling optimisation run on a telemetry recording instead of the live twin, so a recommendation can be
/// judged against the simulator without a silo (<c>dt eval cooling --offline</c>): each room's model is calibrated on
/// its one-minute history before the moment of the recommendation, anchored on the latest readings (each rack's
/// hottest inlet, each CRAC's supply, load and power), and the optimiser is asked as the cooling grain asks it.
/// </summary>
public static class RecordedCoolingOptimisation
{
    /// <summary>One recommendation per room that has racks and CRACs, from the readings before <paramref name="at"/>.</summary>
    /// <param name="layouts">The rooms (from the topology).</param>
    /// <param name="readings">Every reading of the recording, any order.</param>
    /// <param name="at">The moment of the recommendation.</param>
    /// <param name="constraints">What the optimiser must respect; each rack's limit is <see cref="CoolingConstraints.InletLimitC"/>
    /// unless <see cref="CoolingConstraints.RackLimitsC"/> says otherwise.</param>
    /// <param name="window">How much history before <paramref name="at"/> the calibration reads.</param>
    public static IReadOnlyList<RoomRecommendation> Recommend(IReadOnlyList<RoomLayout> layouts, IReadOnlyList<TelemetryReading> readings,
        DateTimeOffset at, CoolingConstraints constraints, TimeSpan window)
    {
        var answers = new List<RoomRecommendation>();
        foreach (var layout in layouts.Where(l => l.Racks.Count > 0 && l.Cracs.Count > 0))
        {
            var history = new ThermalHistoryBuilder(TimeSpan.FromMinutes(1));
            var cracIds = layout.Cracs.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var serverInlets = new Dictionary<string, (DateTimeOffset At, double Value)>(StringComparer.Ordinal);
            var cracLatest = new Dictionary<(string, string), (DateTimeOffset At, double Value)>();
            foreach (var r in readings)
            {
                if (r.At >= at || r.At < at - window) continue;
                if (layout.ServerRacks.TryGetValue(r.TwinId, out var rackId))
                {
                    history.AddServerReading(rackId, r.TwinId, r.Metric, r.At, r.Value);
                    if (r.Metric == "inlet_temp_c" && (!serverInlets.TryGetValue(r.TwinId, out var s) || s.At <= r.At)) serverInlets[r.TwinId] = (r.At, r.Value);
                }
                else if (cracIds.Contains(r.TwinId))
                {
                    history.AddCracReading(r.TwinId, r.Metric, r.At, r.Value);
                    if (!cracLatest.TryGetValue((r.TwinId, r.Metric), out var c) || c.At <= r.At) cracLatest[(r.TwinId, r.Metric)] = (r.At, r.Value);
                }
            }
            var built = history.Build();
            var present = WhatIfEvaluation.PresentState(layout, built);
            // The optimiser judges racks against their inlet limit (the warning one), not the servers' critical limit.
            var room = present with { Racks = [.. present.Racks.Select(r => r with { InletLimitC = constraints.LimitFor(r.Id) })] };
            var parameters = built.TimesS.Count > 0 ? ThermalCalibrator.Calibrate(room, built) : ThermalDefaults.For(room);
            double? Latest(string crac, string metric) => cracLatest.TryGetValue((crac, metric), out var v) ? v.Value : null;
            var cracReadings = layout.Cracs
                .Where(c => Latest(c.Id, "supply_temp_c") is not null && Latest(c.Id, "cooling_load_w") is not null && Latest(c.Id, "power_w") is not null)
                .ToDictionary(c => c.Id, c => new CracReading(Latest(c.Id, "supply_temp_c")!.Value, Latest(c.Id, "cooling_load_w")!.Value, Latest(c.Id, "power_w")!.Value),
                    StringComparer.Ordinal);
            parameters = LatestReadingCalibration.CracPower(room, parameters, cracReadings);
            var rackInlets = layout.Racks
                .Select(r => (r.Id, Inlets: r.ServerIds.Where(serverInlets.ContainsKey).Select(s => serverInlets[s].Value).ToList()))
                .Where(r => r.Inlets.Count > 0)
                .ToDictionary(r => r.Id, r => r.Inlets.Max(), StringComparer.Ordinal);
            parameters = LatestReadingCalibration.InletOffsets(room, parameters, rackInlets);
            var calibrated = parameters.Sources.Where(s => s.Calibrated).Select(s => $"{s.Parameter} {s.Basis}").ToList();
            answers.Add(new RoomRecommendation(layout, CoolingOptimiser.Recommend(room, parameters, constraints),
                calibrated.Count > 0 ? string.Join("; ", calibrated) + "; the rest topology defaults" : "topology defaults"));
        }
        return answers;
    }
}
