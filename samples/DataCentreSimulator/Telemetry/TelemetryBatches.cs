using System.Buffers;
using System.Text.Json;

namespace DataCentreSimulator.Telemetry;

/// <summary>
/// Packs readings into batch messages for <c>dt/telemetry</c> (<c>{"ts", "twins": {id: {metric: value}}}</c>), well
/// inside the ingestion limits (2,000 twins, 10,000 readings and 256 KiB a message) so none is refused as too big.
/// </summary>
internal static class TelemetryBatches
{
    public const string Topic = "dt/telemetry";
    private const int MaxTwins = 400, MaxReadings = 3_000;

    public static IEnumerable<byte[]> Pack(IReadOnlyList<KeyValuePair<string, Dictionary<string, double>>> twins, DateTimeOffset ts)
    {
        var start = 0;
        while (start < twins.Count)
        {
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("ts", ts);
                w.WriteStartObject("twins");
                var readings = 0;
                var end = start;
                while (end < twins.Count && end - start < MaxTwins && readings + twins[end].Value.Count <= MaxReadings)
                {
                    w.WriteStartObject(twins[end].Key);
                    foreach (var (metric, value) in twins[end].Value) w.WriteNumber(metric, value);
                    w.WriteEndObject();
                    readings += twins[end].Value.Count;
                    end++;
                }
                w.WriteEndObject();
                w.WriteEndObject();
                start = end;
            }
            yield return buffer.WrittenSpan.ToArray();
        }
    }
}
