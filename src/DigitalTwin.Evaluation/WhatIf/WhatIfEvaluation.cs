using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// Judges the thermal model against a simulator recording: calibrate on the telemetry before a CRAC failure, predict
/// the failure from the state at that moment, and compare with the racks' recorded inlets afterwards (the hottest
/// server of each rack, on a grid of the prediction's step).
/// </summary>
public static class WhatIfEvaluation
{
    /// <summary>Compares prediction and outcome for the failure of <paramref name="cracId"/> at <paramref name="faultAt"/>.</summary>
    /// <param name="layout">The room of the CRAC.</param>
    /// <param name="readings">Every reading of the recording (any order).</param>
    /// <param name="faultAt">When the CRAC failed.</param>
    /// <param name="cracId">The CRAC that failed.</param>
    /// <param name="horizonS">How long after the failure to compare, s.</param>
    /// <param name="stepS">Grid step, s (also the bin of the history).</param>
    /// <param name="calibrate">False to predict with topology defaults only (to measure what calibration adds).</param>
    /// <param name="calibrationWindow">How much telemetry before the failure the calibration reads; null for all of it.
    /// The twin's scenarios read <c>Scenarios:CalibrationWindow</c> (3 h by default).</param>
    /// <param name="calibrationBin">The calibration history's grid; null for <paramref name="stepS"/>. The twin's
    /// scenarios read the twins' one-minute means.</param>
    public static WhatIfComparison Compare(RoomLayout layout, IReadOnlyList<TelemetryReading> readings, DateTimeOffset faultAt,
        string cracId, double horizonS = 3600, double stepS = 10, bool calibrate = true, TimeSpan? calibrationWindow = null, TimeSpan? calibrationBin = null)
    {
        if (!layout.Cracs.Any(c => c.Id == cracId)) throw new ArgumentException($"{cracId}: not a CRAC of {layout.RoomId}");
        if (calibrationWindow <= TimeSpan.Zero || calibrationBin <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(calibrationWindow), "the calibration's window and bin must be positive");
        var from = calibrationWindow is { } w ? faultAt - w : DateTimeOffset.MinValue;
        var before = new ThermalHistoryBuilder(calibrationBin ?? TimeSpan.FromSeconds(stepS));
        var after = new ThermalHistoryBuilder(TimeSpan.FromSeconds(stepS), carryBins: CarryBins);
        // The same readings without carrying: which bins hold a fresh reading of each rack.
        var fresh = new ThermalHistoryBuilder(TimeSpan.FromSeconds(stepS), carryBins: 0);
        var cracIds = layout.Cracs.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // Anchor the after-grid at the failure so its bins line up with the prediction's times.
        foreach (var rack in layout.Racks)
        {
            after.AddServerReading(rack.Id, "anchor", "power_w", faultAt, 0);
            fresh.AddServerReading(rack.Id, "anchor", "power_w", faultAt, 0);
        }
        DateTimeOffset? first = null;
        // The latest supply reading of every CRAC before the failure.
        var latestSupply = new Dictionary<string, (DateTimeOffset At, double Value)>(StringComparer.Ordinal);
        foreach (var r in readings)
        {
            if (r.At < faultAt && r.Metric == "supply_temp_c" && double.IsFinite(r.Value) && cracIds.Contains(r.TwinId)
                && (!latestSupply.TryGetValue(r.TwinId, out var had) || had.At <= r.At)) latestSupply[r.TwinId] = (r.At, r.Value);
            var target = r.At < faultAt ? (r.At >= from ? before : null) : r.At <= faultAt.AddSeconds(horizonS + stepS) ? after : null;
            if (target is null) continue;
            if (r.At < faultAt && (first is null || r.At < first)) first = r.At;
            if (layout.ServerRacks.TryGetValue(r.TwinId, out var rackId))
            {
                target.AddServerReading(rackId, r.TwinId, r.Metric, r.At, r.Value);
                if (target == after) fresh.AddServerReading(rackId, r.TwinId, r.Metric, r.At, r.Value);
            }
            // A switch's air comes from the same cold aisle and its heat leaves with the rack's: its power is the rack's
            // too, as the live scenarios count it.
            else if (r.Metric == "power_w" && layout.EquipmentRacks.TryGetValue(r.TwinId, out var holder)) target.AddEquipmentPower(holder, r.TwinId, r.At, r.Value);
            else if (cracIds.Contains(r.TwinId)) target.AddCracReading(r.TwinId, r.Metric, r.At, r.Value);
        }
        var history = before.Build();
        var room = PresentState(layout, history);
        var parameters = calibrate ? ThermalCalibrator.Calibrate(room, history) : ThermalDefaults.For(room);
        // A live scenario starts from the room's latest readings: so does the replay.
        var present = new ThermalPresent(faultAt, latestSupply.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal));
        var prediction = new RoomThermalModel(room, parameters).Simulate([new CracFailure(0, cracId)], horizonS, stepS, present);
        var outcome = after.Build();
        var freshOutcome = fresh.Build();

        var racks = new List<RackComparison>();
        var errors = new List<double>();
        foreach (var predicted in prediction.Racks)
        {
            IReadOnlyList<double> actual = outcome.Racks.TryGetValue(predicted.Id, out var h)
                ? Bridged(h.InletMaxC, freshOutcome.Racks.TryGetValue(predicted.Id, out var f) ? f.InletMaxC : h.InletMaxC)
                : Array.Empty<double>();
            var rackErrors = new List<double>();
            double? actualCrossing = null;
            var actualPeak = double.NaN;
            for (var k = 0; k < prediction.TimesS.Count && k < actual.Count; k++)
            {
                if (!double.IsFinite(actual[k])) continue;
                rackErrors.Add(Math.Abs(predicted.InletC[k] - actual[k]));
                actualPeak = double.IsNaN(actualPeak) ? actual[k] : Math.Max(actualPeak, actual[k]);
                if (actualCrossing is null && actual[k] >= predicted.LimitC)
                    actualCrossing = Crossing(prediction.TimesS, actual, k, predicted.LimitC);
            }
            errors.AddRange(rackErrors);
            racks.Add(new RackComparison(predicted.Id, predicted.LimitC, predicted.TimeToLimitS, actualCrossing, predicted.PeakInletC,
                actualPeak, rackErrors.Count > 0 ? rackErrors.Average() : double.NaN)
            {
                PredictedC = predicted.InletC,
                ActualC = [.. Enumerable.Range(0, prediction.TimesS.Count).Select(k => k < actual.Count ? actual[k] : double.NaN)],
            });
        }
        var firstActual = racks.Where(r => r.ActualS is not null).OrderBy(r => r.ActualS).FirstOrDefault();
        return new WhatIfComparison(layout.RoomId, cracId, prediction.FirstLimitS, firstActual?.ActualS, prediction.FirstRackId,
            firstActual?.Id, errors.Count > 0 ? errors.Average() : double.NaN, racks, parameters.Sources,
            first is null ? 0 : (faultAt - first.Value).TotalSeconds);
    }

    /// <summary>Empty bins a rack's last reading is carried over before it counts as missing.</summary>
    private const int CarryBins = 6;

    /// <summary>
    /// A rack's outcome with every bin that no reading reached (its value carried from an earlier bin) replaced by a
    /// straight line between the readings either side. Telemetry every 20 s on a 10 s grid would otherwise hold each
    /// reading for a step, and a crossing read across that step would come up to one interval late (36 s for a rack
    /// the simulator's own truth has crossing at 31 s).
    /// </summary>
    private static double[] Bridged(IReadOnlyList<double> carried, IReadOnlyList<double> fresh)
    {
        var bridged = carried.ToArray();
        var previous = -1;
        for (var k = 0; k < bridged.Length; k++)
        {
            if (k >= fresh.Count || !double.IsFinite(fresh[k])) continue;
            if (previous >= 0 && k - previous > 1 && k - previous <= CarryBins + 1)
                for (var g = previous + 1; g < k; g++)
                    bridged[g] = carried[previous] + (carried[k] - carried[previous]) * (g - previous) / (k - previous);
            previous = k;
        }
        return bridged;
    }

    private static double Crossing(IReadOnlyList<double> times, IReadOnlyList<double> series, int k, double limit)
    {
        if (k == 0 || !double.IsFinite(series[k - 1])) return times[k];
        return times[k - 1] + (limit - series[k - 1]) / (series[k] - series[k - 1]) * (times[k] - times[k - 1]);
    }

    /// <summary>The room as it stood just before the failure: each rack's power over the last minute of history, each
    /// CRAC's last setpoint, fan speed and running state.</summary>
    public static ThermalRoom PresentState(RoomLayout layout, ThermalHistory history)
    {
        var n = history.TimesS.Count;
        double Recent(IReadOnlyList<double> series, double fallback)
        {
            var window = Math.Max(1, (int)Math.Round(60 / Math.Max(1e-9, n > 1 ? history.TimesS[1] - history.TimesS[0] : 60)));
            var values = Enumerable.Range(Math.Max(0, n - window), Math.Min(window, n)).Select(k => series[k]).Where(double.IsFinite).ToList();
            return values.Count > 0 ? values.Average() : fallback;
        }
        return layout.ToThermalRoom(
            rack => history.Racks.TryGetValue(rack, out var h) ? Recent(h.PowerW, 0) : 0,
            crac =>
            {
                if (!history.Cracs.TryGetValue(crac.Id, out var h)) return crac;
                var fan = Recent(h.FanPct, crac.FanPct);
                var airflow = Recent(h.AirflowM3PerS, double.NaN);
                return crac with
                {
                    SetpointC = Recent(h.SetpointC, crac.SetpointC),
                    FanPct = fan,
                    Running = fan > 0 && !(airflow <= 0),
                };
            });
    }
}
