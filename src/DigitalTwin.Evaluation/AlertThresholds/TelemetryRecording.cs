using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Evaluation.AlertThresholds;

/// <summary>
/// Reads a telemetry recording: one JSON line per published message, <c>{"ts": ..., "topic": ..., "payload": {...}}</c>
/// (the simulator's <c>--record</c> output), with the payloads of the ingestion contract: on
/// <c>dt/telemetry/&lt;twinId&gt;</c> <c>{"ts", "readings": {...}}</c>; on <c>dt/telemetry</c> <c>{"ts", "twins": {...}}</c>
/// or an array of <c>{"twin", "ts", "readings"}</c>. A reading without its own time takes the line's <c>ts</c>. Lines that
/// are not telemetry (commands, faults) are skipped and counted.
/// </summary>
public static class TelemetryRecording
{
    private const string TelemetryTopic = "dt/telemetry";

    /// <summary>Every reading of the recording at <paramref name="path"/>, in file order.</summary>
    public static IEnumerable<(string TwinId, string Metric, DateTimeOffset At, double Value)> Read(string path, Action<string>? skipped = null)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            List<(string, string, DateTimeOffset, double)> readings;
            try
            {
                readings = Parse(line);
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                skipped?.Invoke(error.Message);
                continue;
            }
            foreach (var reading in readings) yield return reading;
        }
    }

    private static List<(string, string, DateTimeOffset, double)> Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var topic = root.GetProperty("topic").GetString() ?? "";
        var lineTime = root.TryGetProperty("ts", out var ts) && ts.ValueKind != JsonValueKind.Null ? Time(ts) : (DateTimeOffset?)null;
        var payload = root.GetProperty("payload");
        var found = new List<(string, string, DateTimeOffset, double)>();
        if (topic.StartsWith(TelemetryTopic + "/", StringComparison.Ordinal))
        {
            Add(found, topic[(TelemetryTopic.Length + 1)..], payload.GetProperty("readings"), Own(payload) ?? lineTime);
        }
        else if (topic == TelemetryTopic && payload.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in payload.EnumerateArray())
            {
                Add(found, item.GetProperty("twin").GetString()!, item.GetProperty("readings"), Own(item) ?? Own(payload) ?? lineTime);
            }
        }
        else if (topic == TelemetryTopic)
        {
            foreach (var twin in payload.GetProperty("twins").EnumerateObject()) Add(found, twin.Name, twin.Value, Own(payload) ?? lineTime);
        }
        else
        {
            throw new FormatException($"not a telemetry topic: {topic}");
        }
        return found;
    }

    private static DateTimeOffset? Own(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("ts", out var ts) && ts.ValueKind != JsonValueKind.Null ? Time(ts) : null;

    private static void Add(List<(string, string, DateTimeOffset, double)> found, string twinId, JsonElement readings, DateTimeOffset? at)
    {
        if (at is not { } time) throw new FormatException($"a reading of {twinId} has no time");
        foreach (var metric in readings.EnumerateObject())
        {
            if (metric.Value.ValueKind == JsonValueKind.Number) found.Add((twinId, metric.Name, time, metric.Value.GetDouble()));
        }
    }

    // ISO 8601, epoch seconds, or epoch milliseconds (above 10^11), as the ingestion contract reads them.
    private static DateTimeOffset Time(JsonElement ts) => ts.ValueKind switch
    {
        JsonValueKind.String => DateTimeOffset.Parse(ts.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        JsonValueKind.Number when ts.GetDouble() > 1e11 => DateTimeOffset.FromUnixTimeMilliseconds((long)ts.GetDouble()),
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(ts.GetDouble() * 1000)),
        _ => throw new FormatException("ts is neither a string nor a number"),
    };
}
