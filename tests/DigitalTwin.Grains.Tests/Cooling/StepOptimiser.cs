using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>
/// A stand-in optimiser for the lifecycle tests (the optimiser itself is tested in DigitalTwin.Models): it raises
/// every running CRAC's setpoint by <see cref="SetpointStepC"/> and lowers its fan by <see cref="FanStepPct"/>,
/// within the unit's range and, unless told to ignore them, within the step limits it is given; it predicts a 20 %
/// saving and inlets <see cref="SetpointStepC"/> warmer.
/// </summary>
public sealed class StepOptimiser : ICoolingOptimiser
{
    /// <summary>Setpoint change, °C.</summary>
    public double SetpointStepC { get; set; } = 2;

    /// <summary>Fan change, percentage points (down).</summary>
    public double FanStepPct { get; set; } = 10;

    /// <summary>Data centres for which the step limits are ignored (a misbehaving optimiser).</summary>
    public HashSet<string> IgnoreStepLimits { get; } = [];

    /// <inheritdoc />
    public CoolingPlan Plan(CoolingSituation situation, CoolingPlanLimits limits)
    {
        var ignore = IgnoreStepLimits.Contains(situation.DataCentreId);
        var step = ignore || limits.MaxSetpointStepC is null ? SetpointStepC : Math.Min(SetpointStepC, limits.MaxSetpointStepC.Value);
        var fan = ignore || limits.MaxFanStepPct is null ? FanStepPct : Math.Min(FanStepPct, limits.MaxFanStepPct.Value);
        // A stopped unit is left as it is, as the silo's optimiser leaves it.
        var cracs = situation.Rooms.SelectMany(room => room.Cracs.Select(c => c.Running
            ? new CracChange(c.CracId, room.RoomId, c.SetpointC, Math.Clamp(c.SetpointC + step, c.SetpointMinC, c.SetpointMaxC), c.FanPct,
                Math.Clamp(c.FanPct - fan, c.FanMinPct, 100))
            : new CracChange(c.CracId, room.RoomId, c.SetpointC, c.SetpointC, c.FanPct, c.FanPct, StoppedWhenRecommended: true))).ToArray();
        var racks = situation.Rooms.SelectMany(room => room.Racks.Select(r => new RackInletPrediction(r.RackId, room.RoomId, r.InletLimitC,
            r.MaxInletC, r.MaxInletC ?? 22, (r.MaxInletC ?? 22) + step))).ToArray();
        var before = situation.Rooms.SelectMany(r => r.Cracs).Sum(c => c.PowerW ?? 5000);
        return new CoolingPlan(cracs, before, before * 0.8, racks,
            new CoolingRedundancy(true, cracs[0].CracId, racks.Max(r => r.PredictedAfterC) + 3, "stand-in optimiser"));
    }
}
