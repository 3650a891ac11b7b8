using System.Buffers;
using System.Globalization;
using System.Text;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Reads collectd's MQTT plugin format: topic <c>collectd/&lt;host&gt;/&lt;plugin[-instance]&gt;/&lt;type[-instance]&gt;</c>,
/// payload <c>&lt;epoch&gt;:&lt;v1&gt;[:&lt;v2&gt;...]</c> in ASCII with a trailing NUL. collectd writes <c>nan</c> for
/// missing gauge values and <c>U</c> for unknown ones; both are refused as not finite.
/// </summary>
public sealed class CollectdParser(IngestionLimits limits, CollectdTopicMap map)
{
    private const int MaxPayload = 4_096;

    /// <summary>Parses one collectd message whose topic named <paramref name="host"/>, <paramref name="plugin"/> and <paramref name="type"/>.</summary>
    public ParseResult Parse(string host, string plugin, string type, in ReadOnlySequence<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > MaxPayload) return ParseResult.Refused(RejectionReasons.Oversized, "a collectd payload is a few numbers; this one is too large");
        var twinId = map.TwinFor(host);
        if (twinId is null) return ParseResult.Refused(RejectionReasons.UnknownTwin, $"collectd host '{host}' maps to no twin");

        Span<byte> bytes = stackalloc byte[(int)payload.Length];
        payload.CopyTo(bytes);
        var end = bytes.IndexOf((byte)0);
        if (end >= 0) bytes = bytes[..end];
        bytes = bytes.TrimEnd("\r\n "u8);
        if (bytes.IsEmpty) return ParseResult.Refused(RejectionReasons.Malformed, "the collectd payload is empty");

        var fields = bytes.Count((byte)':') + 1;
        if (fields < 2) return ParseResult.Refused(RejectionReasons.Malformed, "expected <epoch>:<value>[:<value>...]");
        var values = fields - 1;
        if (values > limits.MaxMetricsPerTwin) return ParseResult.Refused(RejectionReasons.TooManyMetrics, $"more than {limits.MaxMetricsPerTwin} values");

        Span<double> numbers = stackalloc double[fields];
        var index = 0;
        foreach (var range in bytes.Split((byte)':'))
        {
            var field = bytes[range];
            if (!TryParseNumber(field, out numbers[index]))
            {
                var text = Encoding.ASCII.GetString(field.Length > 32 ? field[..32] : field);
                return index == 0
                    ? ParseResult.Refused(RejectionReasons.WrongType, $"the collectd time '{text}' is not a number")
                    : ParseResult.Refused(IsNonFinite(text) ? RejectionReasons.NotFinite : RejectionReasons.WrongType,
                        $"value {index} of {plugin}/{type} is '{text}', not a finite number");
            }
            index++;
        }
        if (TimestampRules.FromEpoch(numbers[0], out var ts) is { } badEpoch) return badEpoch;
        if (TimestampRules.CheckWindow(ts, now, limits) is { } outside) return outside;

        var metrics = map.MetricsFor(plugin, type, values);
        var builder = new TelemetryMessageBuilder(limits);
        for (var i = 0; i < values; i++)
        {
            if (!MetricNames.IsValid(metrics[i], limits.MaxMetricNameLength))
            {
                return ParseResult.Refused(RejectionReasons.BadMetricName, $"collectd {plugin}/{type} maps to metric name '{metrics[i]}', which is not allowed");
            }
            if (builder.Add(twinId, metrics[i], numbers[i + 1], ts) is { } tooMany) return tooMany;
        }
        return builder.Build();
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool IsNonFinite(string text) =>
        text.Trim().TrimStart('-', '+') is var word
        && (word.Equals("nan", StringComparison.OrdinalIgnoreCase) || word.Equals("u", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("inf", StringComparison.OrdinalIgnoreCase));
}
