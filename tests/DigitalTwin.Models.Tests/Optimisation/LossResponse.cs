using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Optimisation;

/// <summary>The loss of one CRAC and the loop's answer, followed with the room model independently of the optimiser.</summary>
internal static class LossResponse
{
    public static ThermalRoom At(ThermalRoom room, IReadOnlyList<CracSetting> settings) => room with
    {
        Cracs = [.. room.Cracs.Select(c => settings.SingleOrDefault(s => s.CracId == c.Id) is { } s ? c with { SetpointC = s.SetpointC, FanPct = s.FanPct } : c)],
    };

    /// <summary>The hottest inlet over time and the first time any rack reaches <paramref name="limitC"/> (null: never),
    /// when <paramref name="lost"/> stops and the others go to full cooling <paramref name="responseS"/> later: lowest
    /// setpoint at once, fans climbing 2 %/s (<see cref="FailureResponse"/>'s default), on a 5 s grid.</summary>
    public static (double PeakC, double? FirstS) Follow(ThermalRoom room, ThermalParameters parameters, string lost, double responseS, double limitC,
        double horizonS = 600)
    {
        var changes = new List<ThermalPerturbation> { new CracFailure(0, lost) };
        foreach (var other in room.Cracs.Where(c => c.Running && c.Id != lost))
        {
            changes.Add(new CracSetpointChange(responseS, other.Id, other.SetpointMinC));
            for (var t = 5.0; other.FanPct + 2 * t < 100; t += 5) changes.Add(new CracFanSpeedChange(responseS + t, other.Id, other.FanPct + 2 * t));
            changes.Add(new CracFanSpeedChange(responseS + (100 - other.FanPct) / 2, other.Id, 100));
        }
        var run = new RoomThermalModel(room, parameters).Simulate(changes, horizonS, 5);
        double? first = null;
        for (var k = 0; k < run.TimesS.Count && first is null; k++)
            if (run.Racks.Any(r => r.InletC[k] >= limitC)) first = run.TimesS[k];
        return (run.Racks.Max(r => r.PeakInletC), first);
    }
}
