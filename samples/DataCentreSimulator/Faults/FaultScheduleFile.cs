using System.Globalization;
using System.Text.Json;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DataCentreSimulator.Faults;

/// <summary>
/// A fault schedule file (YAML or JSON): <c>faults: [ { kind, target, atS, durationS, rampS, metric, magnitude, everyS } ]</c>,
/// and the <c>--fault-at &lt;s&gt;:&lt;kind&gt;:&lt;target&gt;</c> shorthand.
/// </summary>
internal static class FaultScheduleFile
{
    public static List<FaultSpec> Load(string path)
    {
        var text = File.ReadAllText(path);
        var document = text.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<Document>(text, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            : new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<Document>(text);
        var faults = new List<FaultSpec>();
        foreach (var (entry, i) in (document?.Faults ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Kind) || string.IsNullOrWhiteSpace(entry.Target))
            {
                throw new FormatException($"{path}: faults[{i}] needs a kind and a target");
            }
            faults.Add(new FaultSpec(entry.Kind.Trim(), entry.Target.Trim(), entry.AtS, entry.DurationS, entry.RampS, entry.Metric, entry.Magnitude, entry.EveryS));
        }
        return faults;
    }

    /// <summary>Parses <c>&lt;seconds&gt;:&lt;kind&gt;:&lt;target&gt;[:&lt;duration s&gt;]</c>.</summary>
    public static FaultSpec ParseShorthand(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var at) || at < 0)
        {
            throw new FormatException($"--fault-at '{text}': expected <simulated seconds>:<kind>:<target>[:<duration s>]");
        }
        double? duration = parts.Length == 4 && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new FaultSpec(parts[1], parts[2], at, duration);
    }

    private sealed class Document
    {
        public List<Entry>? Faults { get; set; }
    }

    private sealed class Entry
    {
        public string? Kind { get; set; }
        public string? Target { get; set; }
        public double AtS { get; set; }
        public double? DurationS { get; set; }
        public double? RampS { get; set; }
        public string? Metric { get; set; }
        public double? Magnitude { get; set; }
        public double? EveryS { get; set; }
    }
}
