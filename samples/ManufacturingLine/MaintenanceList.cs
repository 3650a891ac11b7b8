using System.Globalization;

namespace ManufacturingLine;

/// <summary>Prints the line's predictive-maintenance list: its machines ranked by the platform's failure risk.</summary>
internal static class MaintenanceList
{
    public static void Print(IReadOnlyList<MachinePrediction> predictions, IReadOnlyList<string> machines, IReadOnlyDictionary<string, string> names)
    {
        var ours = new HashSet<string>(machines, StringComparer.Ordinal);
        var ranked = predictions.Where(p => ours.Contains(p.TwinId))
            .OrderByDescending(p => p.FailureProbability).ThenBy(p => p.TimeToFailure ?? TimeSpan.MaxValue).ToList();
        Console.WriteLine(Invariant($"MAINTENANCE {DateTimeOffset.UtcNow:HH:mm:ss}Z: {ranked.Count} of {machines.Count} machines with a prediction, riskiest first"));
        Console.WriteLine(Invariant($"  {"#",2}  {"machine",-10} {"name",-18} {"risk",5}  {"time to failure",-26} action"));
        for (var i = 0; i < ranked.Count; i++)
        {
            var p = ranked[i];
            var ttf = p.TimeToFailure is { } t ? $"{Hours(t)} ({Hours(p.TimeToFailureLow)} - {Hours(p.TimeToFailureHigh)})" : "-";
            Console.WriteLine(Invariant($"  {i + 1,2}  {p.TwinId,-10} {Clip(names.GetValueOrDefault(p.TwinId, p.TwinId), 18),-18} {p.FailureProbability * 100,4:0}%  {ttf,-26} {p.RecommendedAction}"));
            if (p.FailureProbability >= 0.05 && p.Evidence.Count > 0) Console.WriteLine($"      {p.Evidence[0]}");
        }
    }

    private static string Hours(TimeSpan? span) => span is { } s ? Invariant($"{s.TotalHours:0.#} h") : "?";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
