using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// One CRAC lost from a room's steady state and the loop's answer to it, followed over time with the room thermal
/// model: the others keep their settings for <see cref="FailureResponse.DetectionS"/>, then go to their lowest
/// setpoint and ramp their fans to full.
/// </summary>
/// <param name="CracId">The unit lost.</param>
/// <param name="PeakC">The highest inlet any rack reaches over the horizon, °C.</param>
/// <param name="PeakRackId">The rack that reaches it.</param>
/// <param name="TimeToLimitS">Seconds from the loss until the first rack reaches the critical limit (interpolated),
/// or null when none does; the horizon when none does within it but the room settles above the limit.</param>
/// <param name="SettledC">The hottest inlet once the room has settled with the others at full cooling, °C.</param>
internal sealed record LossTransient(string CracId, double PeakC, string PeakRackId, double? TimeToLimitS, double SettledC)
{
    /// <summary>Follows the loss of <paramref name="cracId"/> from the steady state of <paramref name="room"/>.</summary>
    public static LossTransient Follow(ThermalRoom room, ThermalParameters parameters, string cracId, FailureResponse response, double limitC)
    {
        var perturbations = new List<ThermalPerturbation> { new CracFailure(0, cracId) };
        foreach (var other in room.Cracs.Where(c => c.Running && c.Id != cracId))
        {
            perturbations.Add(new CracSetpointChange(response.DetectionS, other.Id, other.SetpointMinC));
            // The fan climbs in steps of the transient's resolution, each reached at the end of its step (never early).
            var rampS = response.FanRampPctPerS > 0 ? (100 - other.FanPct) / response.FanRampPctPerS : 0;
            for (var t = response.StepS; t < rampS; t += response.StepS)
                perturbations.Add(new CracFanSpeedChange(response.DetectionS + t, other.Id, other.FanPct + response.FanRampPctPerS * t));
            perturbations.Add(new CracFanSpeedChange(response.DetectionS + Math.Max(rampS, 0), other.Id, 100));
        }
        var horizonS = Math.Max(response.HorizonS, response.DetectionS + 120);
        var run = new RoomThermalModel(room, parameters).Simulate(perturbations, horizonS, response.StepS);
        // Beyond the horizon: where the room goes once the response has done all it can.
        var settled = new RoomThermalModel(room with
        {
            Cracs = [.. room.Cracs.Select(c => c.Id == cracId ? c with { Running = false } : c.Running ? c with { SetpointC = c.SetpointMinC, FanPct = 100 } : c)],
        }, parameters).SteadyState();
        var settledC = settled.Steady ? settled.RackInletC.Values.DefaultIfEmpty(double.NaN).Max() : double.PositiveInfinity;
        var peak = run.Racks.MaxBy(r => r.PeakInletC);
        double? first = null;
        foreach (var rack in run.Racks)
        {
            var crossing = Crossing(run.TimesS, rack.InletC, limitC);
            if (crossing is { } s && (first is null || s < first)) first = s;
        }
        if (first is null && settledC >= limitC) first = horizonS;
        return new LossTransient(cracId, peak?.PeakInletC ?? double.NaN, peak?.Id ?? "", first, settledC);
    }

    private static double? Crossing(IReadOnlyList<double> times, IReadOnlyList<double> inlet, double limitC)
    {
        for (var k = 0; k < inlet.Count; k++)
        {
            if (!(inlet[k] >= limitC)) continue;
            if (k == 0 || !double.IsFinite(inlet[k - 1])) return times[k];
            return times[k - 1] + (limitC - inlet[k - 1]) / (inlet[k] - inlet[k - 1]) * (times[k] - times[k - 1]);
        }
        return null;
    }
}
