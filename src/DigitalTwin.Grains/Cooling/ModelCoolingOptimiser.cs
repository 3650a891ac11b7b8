using System.Globalization;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// The silo's cooling optimiser: DigitalTwin.Models' room thermal model and <see cref="CoolingOptimiser"/>, run room by
/// room (rooms are separate thermal zones). Each room's model is calibrated to its telemetry history where the history
/// allows (<see cref="ThermalCalibrator"/>), else it starts from topology defaults; either way the latest readings then
/// anchor what the history could not fit: every rack's inlet offset and every CRAC's compressor efficiency
/// (<see cref="LatestReadingCalibration"/>), so the prediction starts where the room is.
/// </summary>
public sealed class ModelCoolingOptimiser : ICoolingOptimiser
{
    // Without guard rails a manual recommendation may move a unit across its whole range in one step.
    private const double UnlimitedStep = 1000;

    /// <inheritdoc />
    public CoolingPlan Plan(CoolingSituation situation, CoolingPlanLimits limits)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(limits);
        var cracs = new List<CracChange>();
        var racks = new List<RackInletPrediction>();
        var checks = new List<CracFailureCheck>();
        var notes = new List<string>();
        var bases = new List<string>();
        double before = 0, after = 0;
        foreach (var room in situation.Rooms)
        {
            if (!room.Cracs.Any(c => c.Running))
            {
                notes.Add($"{room.RoomId}: no CRAC is running");
                continue;
            }
            if (room.Cracs.FirstOrDefault(c => c.CoolingCapacityW <= 0) is { } unrated)
            {
                notes.Add($"{room.RoomId}: {unrated.CracId} has no {Abstractions.Twins.RatedProperties.CoolingCapacity} rating");
                continue;
            }
            var thermal = ThermalRoomMapping.ToThermalRoom(room);
            var parameters = Parameters(room, thermal);
            var calibrated = parameters.Sources.Where(s => s.Calibrated).Select(s => $"{s.Parameter} {s.Basis}").ToList();
            bases.Add($"{room.RoomId}: {(calibrated.Count > 0 ? string.Join("; ", calibrated) + "; the rest topology defaults" : "topology defaults")}");
            var constraints = new CoolingConstraints(
                InletLimitC: room.Racks.Max(r => r.InletLimitC),
                SafetyMarginK: limits.SafetyMarginK,
                MaxSetpointStepK: limits.MaxSetpointStepC ?? UnlimitedStep,
                MaxFanStepPct: limits.MaxFanStepPct ?? UnlimitedStep,
                RackLimitsC: room.Racks.ToDictionary(r => r.RackId, r => r.InletLimitC, StringComparer.Ordinal),
                MinColdAirShare: limits.MinColdAirShare,
                FailureLimitC: limits.FailureLimitC,
                Response: new FailureResponse(DetectionS: limits.FailureResponseS),
                FailureColdAirShare: limits.FailureColdAirShare,
                FailureMarginK: limits.FailureMarginK);
            var found = CoolingOptimiser.Recommend(thermal, parameters, constraints);
            if (!found.Feasible)
                notes.Add(Invariant($"{room.RoomId}: no setting keeps every rack {limits.SafetyMarginK:0.#} K below its limit; this is the most cooling allowed"));
            before += found.CoolingPowerBeforeW;
            after += found.CoolingPowerAfterW;
            foreach (var crac in room.Cracs)
            {
                var next = found.Recommended.FirstOrDefault(c => c.CracId == crac.CracId);
                // A stopped unit is left as it is: the model counts it out, and a command to it would prove nothing.
                cracs.Add(new CracChange(crac.CracId, room.RoomId, crac.SetpointC, next?.SetpointC ?? crac.SetpointC, crac.FanPct, next?.FanPct ?? crac.FanPct,
                    StoppedWhenRecommended: !crac.Running));
            }
            racks.AddRange(room.Racks.Select(rack => new RackInletPrediction(rack.RackId, room.RoomId, rack.InletLimitC, rack.MaxInletC,
                Math.Round(found.InletBeforeC.GetValueOrDefault(rack.RackId, double.NaN), 2),
                Math.Round(found.InletAfterC.GetValueOrDefault(rack.RackId, double.NaN), 2))));
            checks.AddRange(found.FailureChecks);
            foreach (var lost in found.FailureChecks.Where(c => c.TimeToCriticalS is not null))
                notes.Add(Invariant($"{room.RoomId}: N+1 not held for {lost.FailedCracId}: {lost.TransientPeakRackId} passes {limits.FailureLimitC:0.#} °C {lost.TimeToCriticalS:0} s after its loss"));
        }
        if (cracs.Count == 0) throw new InvalidOperationException(string.Join("; ", notes));
        return new CoolingPlan(cracs, before, after, racks, Redundancy(checks, notes, limits), string.Join(" | ", bases));
    }

    /// <summary>Calibrated to the room's history where it allows, then anchored on the latest readings.</summary>
    private static ThermalParameters Parameters(RoomSituation room, ThermalRoom thermal)
    {
        var parameters = room.History is { TimesS.Count: > 0 } history
            ? ThermalCalibrator.Calibrate(thermal, history)
            : ThermalDefaults.For(thermal);
        var readings = room.Cracs
            .Where(c => c.SupplyC is not null && c.CoolingLoadW is not null && c.PowerW is not null)
            .ToDictionary(c => c.CracId, c => new CracReading(c.SupplyC!.Value, c.CoolingLoadW!.Value, c.PowerW!.Value), StringComparer.Ordinal);
        parameters = LatestReadingCalibration.CracPower(thermal, parameters, readings);
        var inlets = room.Racks.Where(r => r.MaxInletC is not null).ToDictionary(r => r.RackId, r => r.MaxInletC!.Value, StringComparer.Ordinal);
        return LatestReadingCalibration.InletOffsets(thermal, parameters, inlets);
    }

    private static CoolingRedundancy Redundancy(List<CracFailureCheck> checks, List<string> notes, CoolingPlanLimits limits)
    {
        // The worst loss is the one that comes nearest the critical limit while the loop responds, where that was followed.
        var worst = checks.MaxBy(c => c.TransientPeakC ?? c.HighestInletAfterResponseC);
        var detail = worst is null
            ? "no CRAC to lose"
            : worst.TransientPeakC is { } peak
                ? Invariant($"worst single failure {worst.FailedCracId}: with the others at full cooling {limits.FailureResponseS:0} s after it, {worst.TransientPeakRackId} peaks at {peak:0.0} °C") +
                  (worst.TimeToCriticalS is { } s ? Invariant($" and passes {limits.FailureLimitC:0.#} °C {s:0} s after the loss") : Invariant($", below {limits.FailureLimitC:0.#} °C")) +
                  Invariant($"; {worst.HighestInletAfterResponseC:0.0} °C once settled")
                : Invariant($"worst single failure {worst.FailedCracId}: {worst.HottestRackId} reaches {worst.HighestInletC:0.0} °C at the new settings, {worst.HighestInletAfterResponseC:0.0} °C once the others respond");
        if (notes.Count > 0) detail += "; " + string.Join("; ", notes);
        return new CoolingRedundancy(checks.All(c => c.Kept), worst?.FailedCracId,
            worst is null ? null : Math.Round(worst.TransientPeakC ?? worst.HighestInletAfterResponseC, 2), detail);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
