using System.Buffers;
using System.Text.Json;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Reads the JSON telemetry forms straight from the MQTT payload with <see cref="Utf8JsonReader"/> (no DOM, no
/// intermediate strings for names already seen):
/// <list type="bullet">
/// <item>one twin, on <c>dt/telemetry/&lt;twinId&gt;</c>: <c>{"ts": ..., "readings": {"inlet_temp_c": 24.1, "power_w": 412}}</c>;</item>
/// <item>many twins, on <c>dt/telemetry</c>: <c>{"ts": ..., "twins": {"srv-1": {"power_w": 412}, "srv-2": {...}}}</c>,
/// or an array <c>[{"twin": "srv-1", "ts": ..., "readings": {...}}, ...]</c>.</item>
/// </list>
/// <c>ts</c> is ISO 8601 or epoch seconds (fractional allowed; milliseconds when above 10^11) and defaults to the
/// time of arrival. Unknown properties are ignored so that publishers can add their own.
/// </summary>
public sealed class JsonTelemetryParser(IngestionLimits limits, NameInterner names)
{
    private const int MaxNameBytes = 512;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = 8,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    // Parsing is synchronous, so a per-thread scratch list is safe and saves an allocation per message.
    [ThreadStatic] private static List<PendingReading>? t_pending;

    /// <summary>Parses the one-twin form published on <c>dt/telemetry/&lt;twinId&gt;</c>.</summary>
    public ParseResult ParseSingle(string twinId, in ReadOnlySequence<byte> payload, DateTimeOffset now)
    {
        var pending = RentPending();
        try
        {
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Refused(RejectionReasons.Malformed, "expected a JSON object {\"ts\": ..., \"readings\": {...}}");
            }
            DateTimeOffset? ts = null;
            var sawReadings = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ts"u8))
                {
                    reader.Read();
                    if (ReadTimestamp(ref reader, now, out var read) is { } bad) return bad;
                    ts = read;
                }
                else if (reader.ValueTextEquals("readings"u8))
                {
                    reader.Read();
                    if (ReadReadings(ref reader, twinId, pending) is { } bad) return bad;
                    sawReadings = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (RequireEnd(ref reader) is { } trailing) return trailing;
            if (!sawReadings) return ParseResult.Refused(RejectionReasons.Malformed, "the object has no \"readings\"");
            return Build(pending, 0, pending.Count, ts ?? now);
        }
        catch (JsonException ex)
        {
            return ParseResult.Refused(RejectionReasons.Malformed, ex.Message);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's string copies throw this (not JsonException) for a lone surrogate escape ("\ud800").
            return ParseResult.Refused(RejectionReasons.Malformed, "a string holds an invalid escape (a lone surrogate)");
        }
    }

    /// <summary>Parses the many-twin forms published on <c>dt/telemetry</c>.</summary>
    public ParseResult ParseBatch(in ReadOnlySequence<byte> payload, DateTimeOffset now)
    {
        var pending = RentPending();
        try
        {
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            if (!reader.Read()) return ParseResult.Refused(RejectionReasons.Malformed, "the payload is empty");
            return reader.TokenType switch
            {
                JsonTokenType.StartObject => ParseTwinsObject(ref reader, pending, now),
                JsonTokenType.StartArray => ParseTwinsArray(ref reader, pending, now),
                _ => ParseResult.Refused(RejectionReasons.Malformed, "expected {\"twins\": {...}} or an array of {\"twin\", \"ts\", \"readings\"}"),
            };
        }
        catch (JsonException ex)
        {
            return ParseResult.Refused(RejectionReasons.Malformed, ex.Message);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's string copies throw this (not JsonException) for a lone surrogate escape ("\ud800").
            return ParseResult.Refused(RejectionReasons.Malformed, "a string holds an invalid escape (a lone surrogate)");
        }
    }

    private ParseResult ParseTwinsObject(ref Utf8JsonReader reader, List<PendingReading> pending, DateTimeOffset now)
    {
        DateTimeOffset? ts = null;
        var sawTwins = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                if (ReadTimestamp(ref reader, now, out var read) is { } bad) return bad;
                ts = read;
            }
            else if (reader.ValueTextEquals("twins"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return ParseResult.Refused(RejectionReasons.WrongType, "\"twins\" must be an object of twin id → readings");
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (ReadTwinId(ref reader, out var twinId) is { } badId) return badId;
                    reader.Read();
                    if (ReadReadings(ref reader, twinId, pending) is { } bad) return bad;
                }
                sawTwins = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (RequireEnd(ref reader) is { } trailing) return trailing;
        if (!sawTwins) return ParseResult.Refused(RejectionReasons.Malformed, "the object has no \"twins\"");
        return Build(pending, 0, pending.Count, ts ?? now);
    }

    private ParseResult ParseTwinsArray(ref Utf8JsonReader reader, List<PendingReading> pending, DateTimeOffset now)
    {
        var builder = new TelemetryMessageBuilder(limits);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Refused(RejectionReasons.WrongType, "each array element must be an object {\"twin\", \"ts\", \"readings\"}");
            }
            string? twinId = null;
            DateTimeOffset? ts = null;
            var start = pending.Count;
            var sawReadings = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("twin"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) return ParseResult.Refused(RejectionReasons.WrongType, "\"twin\" must be a string");
                    if (ReadTwinId(ref reader, out var id) is { } badId) return badId;
                    twinId = id;
                }
                else if (reader.ValueTextEquals("ts"u8))
                {
                    reader.Read();
                    if (ReadTimestamp(ref reader, now, out var read) is { } bad) return bad;
                    ts = read;
                }
                else if (reader.ValueTextEquals("readings"u8))
                {
                    reader.Read();
                    // The twin may come after its readings; they are tagged with a placeholder and fixed up below.
                    if (ReadReadings(ref reader, "", pending) is { } bad) return bad;
                    sawReadings = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (twinId is null) return ParseResult.Refused(RejectionReasons.Malformed, "an array element has no \"twin\"");
            if (!sawReadings) return ParseResult.Refused(RejectionReasons.Malformed, $"the element for '{twinId}' has no \"readings\"");
            for (var i = start; i < pending.Count; i++)
            {
                var p = pending[i];
                if (builder.Add(twinId, p.Metric, p.Value, ts ?? now) is { } tooMany) return tooMany;
            }
        }
        if (RequireEnd(ref reader) is { } trailing) return trailing;
        return builder.Build();
    }

    private TelemetryRejection? ReadReadings(ref Utf8JsonReader reader, string twinId, List<PendingReading> pending)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new(RejectionReasons.WrongType, "readings must be an object of metric name → number");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (pending.Count >= limits.MaxReadingsPerMessage)
            {
                return new(RejectionReasons.TooManyMetrics, $"the message carries more than {limits.MaxReadingsPerMessage} readings");
            }
            if (ReadMetricName(ref reader, out var metric) is { } badName) return badName;
            reader.Read();
            if (ReadValue(ref reader, metric, out var value) is { } badValue) return badValue;
            pending.Add(new PendingReading(twinId, metric, value));
        }
        return null;
    }

    private static TelemetryRejection? ReadValue(ref Utf8JsonReader reader, string metric, out double value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // Literals beyond double's range (1e400) do not parse as a finite double.
                if (!reader.TryGetDouble(out value) || !double.IsFinite(value))
                {
                    return new(RejectionReasons.NotFinite, $"'{metric}' is not a finite number");
                }
                return null;
            case JsonTokenType.String:
                // JSON cannot carry NaN or infinity; publishers that try send them as strings.
                return LooksNonFinite(ref reader)
                    ? new(RejectionReasons.NotFinite, $"'{metric}' is NaN or infinite")
                    : new(RejectionReasons.WrongType, $"'{metric}' is a string, not a number");
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return new(RejectionReasons.WrongType, $"'{metric}' is a {(reader.TokenType == JsonTokenType.EndObject ? "object" : "array")}, not a number");
            default:
                return new(RejectionReasons.WrongType, $"'{metric}' is {reader.TokenType.ToString().ToLowerInvariant()}, not a number");
        }
    }

    private static bool LooksNonFinite(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 16) return false;
        Span<char> text = stackalloc char[32];
        var written = reader.CopyString(text);
        var word = text[..written].Trim().TrimStart('+').TrimStart('-');
        return word.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase);
    }

    private TelemetryRejection? ReadMetricName(ref Utf8JsonReader reader, out string metric)
    {
        metric = "";
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxNameBytes) return new(RejectionReasons.BadMetricName, $"a metric name is longer than {limits.MaxMetricNameLength} characters");
        Span<char> text = stackalloc char[MaxNameBytes];
        var written = reader.CopyString(text);
        var maxLength = limits.MaxMetricNameLength;
        if (!names.TryIntern(text[..written], name => MetricNames.IsValid(name, maxLength), out metric))
        {
            return new(RejectionReasons.BadMetricName,
                $"metric name '{Truncate(metric)}' is not 1-{maxLength} letters, digits, '_', '.', '-' or ':'");
        }
        return null;
    }

    private TelemetryRejection? ReadTwinId(ref Utf8JsonReader reader, out string twinId)
    {
        twinId = "";
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxNameBytes) return new(RejectionReasons.UnknownTwin, $"a twin id is longer than {TwinIds.MaxLength} characters");
        Span<char> text = stackalloc char[MaxNameBytes];
        var written = reader.CopyString(text);
        if (!names.TryIntern(text[..written], TwinIds.IsValid, out twinId))
        {
            return new(RejectionReasons.UnknownTwin, $"'{Truncate(twinId)}' is not a valid twin id");
        }
        return null;
    }

    private TelemetryRejection? ReadTimestamp(ref Utf8JsonReader reader, DateTimeOffset now, out DateTimeOffset ts)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.TryGetDateTimeOffset(out ts))
                {
                    return LooksNonFinite(ref reader)
                        ? new(RejectionReasons.NotFinite, "\"ts\" is NaN or infinite")
                        : new(RejectionReasons.WrongType, "\"ts\" is not an ISO 8601 timestamp");
                }
                break;
            case JsonTokenType.Number:
                ts = default;
                if (!reader.TryGetDouble(out var epoch)) return new(RejectionReasons.NotFinite, "\"ts\" is not a finite number");
                if (TimestampRules.FromEpoch(epoch, out ts) is { } badEpoch) return badEpoch;
                break;
            default:
                ts = default;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                return new(RejectionReasons.WrongType, "\"ts\" must be an ISO 8601 string or epoch seconds");
        }
        return TimestampRules.CheckWindow(ts, now, limits);
    }

    private static TelemetryRejection? RequireEnd(ref Utf8JsonReader reader)
    {
        // Reading past the root value makes the reader throw on trailing content ("{...} garbage").
        if (reader.Read()) return new(RejectionReasons.Malformed, "unexpected content after the JSON value");
        return null;
    }

    private ParseResult Build(List<PendingReading> pending, int start, int end, DateTimeOffset ts)
    {
        var builder = new TelemetryMessageBuilder(limits);
        for (var i = start; i < end; i++)
        {
            var p = pending[i];
            if (builder.Add(p.TwinId, p.Metric, p.Value, ts) is { } tooMany) return tooMany;
        }
        return builder.Build();
    }

    private static List<PendingReading> RentPending()
    {
        // A burst of huge messages must not pin a huge list to the thread for ever.
        if (t_pending is null || t_pending.Capacity > 16_384) t_pending = new List<PendingReading>(64);
        t_pending.Clear();
        return t_pending;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private readonly record struct PendingReading(string TwinId, string Metric, double Value);
}
