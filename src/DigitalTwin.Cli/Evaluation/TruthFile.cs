using System.Text.Json;
using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Cli.Evaluation;

/// <summary>Reads the simulator's ground truth (JSON lines; format in samples/DataCentreSimulator/README.md) while it is still being written.</summary>
internal static class TruthFile
{
    /// <summary>Every complete line so far, parsed; a partial last line (still being written) is left for later.</summary>
    public static List<JsonElement> Read(string path)
    {
        var lines = new List<JsonElement>();
        if (!File.Exists(path)) return lines;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var end = text.LastIndexOf('\n');
        if (end < 0) return lines;
        foreach (var line in text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                lines.Add(json.RootElement.Clone());
            }
            catch (JsonException)
            {
                // A line torn by a killed writer; the rest still counts.
            }
        }
        return lines;
    }

    /// <summary>When the fault of <paramref name="kind"/> on <paramref name="target"/> started at or after <paramref name="notBefore"/>, or null.</summary>
    public static DateTimeOffset? FaultStart(IEnumerable<JsonElement> truth, string kind, string target, DateTimeOffset notBefore) =>
        truth.Where(t => Type(t) == "fault_start" && t.GetProperty("kind").GetString() == kind && t.GetProperty("target").GetString() == target)
            .Select(t => t.GetProperty("ts").GetDateTimeOffset())
            .Where(ts => ts >= notBefore)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    /// <summary>Every rack sample, as seconds after <paramref name="origin"/> and each rack's true hottest inlet.</summary>
    public static List<ObservedInlets> RackInlets(IEnumerable<JsonElement> truth, DateTimeOffset origin) =>
        truth.Where(t => Type(t) == "racks")
            .Select(t => new ObservedInlets((t.GetProperty("ts").GetDateTimeOffset() - origin).TotalSeconds,
                t.GetProperty("racks").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("maxInletC").GetDouble(), StringComparer.Ordinal)))
            .ToList();

    /// <summary>The latest sample time in the truth so far.</summary>
    public static DateTimeOffset? Latest(IEnumerable<JsonElement> truth) =>
        truth.Where(t => Type(t) == "racks").Select(t => t.GetProperty("ts").GetDateTimeOffset()).DefaultIfEmpty().Max() is var max && max != default ? max : null;

    private static string? Type(JsonElement line) => line.TryGetProperty("type", out var type) ? type.GetString() : null;
}
