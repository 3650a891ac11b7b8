using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// Reads a recording of published telemetry, one JSON line per message: <c>{"ts", "topic", "payload"}</c> (the
/// simulator's <c>--record</c>). Payloads are the documented ones (ingestion README): one twin on
/// <c>dt/telemetry/&lt;id&gt;</c> with <c>readings</c>, or many on <c>dt/telemetry</c> as a <c>twins</c> map or an array.
/// Lines on other topics, and lines that do not parse, are counted and skipped.
/// </summary>
public static class TelemetryRecording
{
    /// <summary>Every reading in the file (of the twins <paramref name="keep"/> accepts, when given), in file order.
    /// <paramref name="skipped"/> counts lines not understood.</summary>
    public static List<TelemetryReading> Read(string path, out int skipped, Func<string, bool>? keep = null)
    {
        var readings = new List<TelemetryReading>();
        skipped = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var topic = root.TryGetProperty("topic", out var t) ? t.GetString() ?? "" : "";
                DateTimeOffset? lineTs = root.TryGetProperty("ts", out var ts) ? Timestamp(ts) : null;
                if (!root.TryGetProperty("payload", out var payload) || !topic.StartsWith("dt/telemetry", StringComparison.Ordinal))
                {
                    skipped++;
                    continue;
                }
                if (topic.StartsWith("dt/telemetry/", StringComparison.Ordinal))
                    AddTwin(readings, topic["dt/telemetry/".Length..], payload, lineTs, keep);
                else if (payload.ValueKind == JsonValueKind.Array)
                    foreach (var item in payload.EnumerateArray())
                        AddTwin(readings, item.GetProperty("twin").GetString()!, item, lineTs, keep);
                else if (payload.TryGetProperty("twins", out var twins))
                {
                    var at = payload.TryGetProperty("ts", out var pts) ? Timestamp(pts) : lineTs;
                    foreach (var twin in twins.EnumerateObject()) AddReadings(readings, twin.Name, twin.Value, at, keep);
                }
                else skipped++;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                skipped++;
            }
        }
        return readings;
    }

    private static void AddTwin(List<TelemetryReading> readings, string twin, JsonElement payload, DateTimeOffset? fallback, Func<string, bool>? keep)
    {
        var at = payload.TryGetProperty("ts", out var ts) ? Timestamp(ts) : fallback;
        if (payload.TryGetProperty("readings", out var values)) AddReadings(readings, twin, values, at, keep);
    }

    private static void AddReadings(List<TelemetryReading> readings, string twin, JsonElement values, DateTimeOffset? at, Func<string, bool>? keep)
    {
        if (keep is not null && !keep(twin)) return;
        if (at is null) throw new FormatException("reading without a time");
        foreach (var metric in values.EnumerateObject())
            if (metric.Value.ValueKind == JsonValueKind.Number)
                readings.Add(new TelemetryReading(at.Value, twin, metric.Name, metric.Value.GetDouble()));
    }

    /// <summary>ISO 8601 text, epoch seconds, or epoch milliseconds (above 10^11), as the ingestion accepts.</summary>
    public static DateTimeOffset Timestamp(JsonElement ts) => ts.ValueKind switch
    {
        JsonValueKind.String => DateTimeOffset.Parse(ts.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        JsonValueKind.Number when ts.GetDouble() > 1e11 => DateTimeOffset.FromUnixTimeMilliseconds((long)ts.GetDouble()),
        JsonValueKind.Number => DateTimeOffset.UnixEpoch.AddSeconds(ts.GetDouble()),
        _ => throw new FormatException("ts is neither text nor a number"),
    };
}
