using System.Globalization;
using DigitalTwin.Abstractions.Cooling;

namespace DigitalTwin.Cli.Client;

/// <summary>How <c>dt cooling</c> prints a recommendation: settings, prediction, N+1, outcome and trail.</summary>
internal static class CoolingText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(CoolingRecommendation r, bool trail = true)
    {
        Console.WriteLine($"{r.Id} [{r.State}]{(r.Reason is null ? "" : $" ({r.Reason})")}");
        Console.WriteLine($"  made {r.CreatedAt:u} by {r.RequestedBy}{(r.Automatic ? " (automatic)" : "")}, expires {r.ExpiresAt:u}");
        Console.WriteLine(string.Create(Inv, $"  predicted cooling power {r.PredictedBeforeW / 1000:0.00} -> {r.PredictedAfterW / 1000:0.00} kW, saving {r.PredictedSavingPct:0.0} %") +
            (r.MeasuredBeforeW is { } m ? string.Create(Inv, $" (measured now {m / 1000:0.00} kW)") : ""));
        foreach (var c in r.Cracs)
        {
            Console.WriteLine(string.Create(Inv, $"  {c.CracId,-16} setpoint {c.SetpointBeforeC,5:0.0} -> {c.SetpointAfterC,5:0.0} °C   fan {c.FanBeforePct,5:0.#} -> {c.FanAfterPct,5:0.#} %"));
        }
        foreach (var k in r.Racks.OrderByDescending(k => k.PredictedAfterC).Take(5))
        {
            Console.WriteLine(string.Create(Inv, $"  {k.RackId,-16} inlet {k.MeasuredC?.ToString("0.0", Inv) ?? "-",5} now, predicted {k.PredictedBeforeC:0.0} -> {k.PredictedAfterC:0.0} °C (limit {k.LimitC:0.#})"));
        }
        if (r.Racks.Count > 5) Console.WriteLine($"  ... {r.Racks.Count - 5} more racks");
        Console.WriteLine($"  N+1 {(r.Redundancy.Kept ? "kept" : "NOT kept")}: {r.Redundancy.Detail}");
        if (r.Outcome is { } o)
        {
            Console.WriteLine(string.Create(Inv, $"  outcome: measured {o.MeasuredCoolingPowerW / 1000:0.00} kW vs {o.PredictedCoolingPowerW / 1000:0.00} kW predicted, saving {o.MeasuredSavingPct:0.0} %, hottest inlet {o.MaxInletC:0.0} °C at {o.HottestRackId}"));
        }
        if (!trail) return;
        foreach (var t in r.Trail)
        {
            Console.WriteLine($"  {t.At:u}  {t.Step,-16} {t.Actor,-16} {(t.TwinId is null ? "" : t.TwinId + ": ")}{t.Detail}");
        }
    }

    /// <summary>Prints a refusal and returns the exit code for it (5).</summary>
    public static int Refused(CoolingDecision decision)
    {
        Console.Error.WriteLine($"dt: refused ({decision.Code}): {decision.Reason}");
        return 5;
    }
}
