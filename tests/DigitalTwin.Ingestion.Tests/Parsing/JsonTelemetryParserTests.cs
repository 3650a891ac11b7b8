using System.Buffers;
using System.Text;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Parsing;

namespace DigitalTwin.Ingestion.Tests.Parsing;

public sealed class JsonTelemetryParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly IngestionLimits _limits = new() { MaxMetricsPerTwin = 5, MaxReadingsPerMessage = 8, MaxTwinsPerMessage = 3 };
    private readonly JsonTelemetryParser _parser;

    public JsonTelemetryParserTests() => _parser = new JsonTelemetryParser(_limits, new NameInterner());

    private ParseResult Single(string json) => _parser.ParseSingle("srv-1", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Now);
    private ParseResult Batch(string json) => _parser.ParseBatch(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Now);

    [Fact]
    public void Single_twin_message_yields_one_batch_with_every_reading_at_its_timestamp()
    {
        var result = Single("""{"ts":"2026-11-24T09:59:00Z","readings":{"inlet_temp_c":24.1,"power_w":412}}""");

        var batch = Assert.Single(result.Message!.Batches);
        Assert.Equal("srv-1", batch.TwinId);
        Assert.Equal([("inlet_temp_c", 24.1), ("power_w", 412.0)], batch.Readings.Select(r => (r.Metric, r.Value)));
        Assert.All(batch.Readings, r => Assert.Equal(Now.AddMinutes(-1), r.Timestamp));
        Assert.Equal(2, result.Message.Points);
    }

    [Theory]
    [InlineData("1795514340", 0)]
    [InlineData("1795514340.5", 500)]
    [InlineData("1795514340500", 500)]
    public void Epoch_timestamps_are_read_as_seconds_or_milliseconds(string ts, int extraMs)
    {
        var result = Single($$$"""{"readings":{"power_w":1},"ts":{{{ts}}}}""");

        var expected = DateTimeOffset.FromUnixTimeSeconds(1795514340).AddMilliseconds(extraMs);
        Assert.Equal(expected, result.Message!.Batches[0].Readings[0].Timestamp);
    }

    [Fact]
    public void Missing_timestamp_means_the_time_of_arrival()
    {
        var result = Single("""{"readings":{"power_w":1}}""");
        Assert.Equal(Now, result.Message!.Earliest);
    }

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var result = Single("""{"device":{"fw":"1.2"},"readings":{"power_w":1},"tags":[1,2]}""");
        Assert.Null(result.Rejection);
    }

    [Fact]
    public void Batch_object_form_groups_readings_per_twin()
    {
        var result = Batch("""{"ts":"2026-11-24T10:00:00Z","twins":{"srv-1":{"power_w":400,"inlet_temp_c":22},"srv-2":{"power_w":300}}}""");

        Assert.Equal(["srv-1", "srv-2"], result.Message!.Batches.Select(b => b.TwinId));
        Assert.Equal(3, result.Message.Points);
    }

    [Fact]
    public void Batch_array_form_merges_elements_of_the_same_twin_into_one_call()
    {
        var result = Batch("""
            [{"twin":"srv-1","ts":"2026-11-24T09:58:00Z","readings":{"power_w":400}},
             {"readings":{"power_w":300},"twin":"srv-2"},
             {"twin":"srv-1","ts":"2026-11-24T09:59:00Z","readings":{"power_w":410}}]
            """);

        Assert.Equal(["srv-1", "srv-2"], result.Message!.Batches.Select(b => b.TwinId));
        Assert.Equal([400.0, 410.0], result.Message.Batches[0].Readings.Select(r => r.Value));
        Assert.Equal(Now.AddMinutes(-2), result.Message.Earliest);
    }

    [Theory]
    [InlineData("""{"readings":{"power_w":"NaN"}}""", RejectionReasons.NotFinite)]
    [InlineData("""{"readings":{"power_w":"-Infinity"}}""", RejectionReasons.NotFinite)]
    [InlineData("""{"readings":{"power_w":1e400}}""", RejectionReasons.NotFinite)]
    [InlineData("""{"readings":{"power_w":"412"}}""", RejectionReasons.WrongType)]
    [InlineData("""{"readings":{"power_w":true}}""", RejectionReasons.WrongType)]
    [InlineData("""{"readings":{"power_w":null}}""", RejectionReasons.WrongType)]
    [InlineData("""{"readings":{"power_w":{"v":1}}}""", RejectionReasons.WrongType)]
    [InlineData("""{"readings":[1,2]}""", RejectionReasons.WrongType)]
    [InlineData("""{"ts":true,"readings":{"power_w":1}}""", RejectionReasons.WrongType)]
    [InlineData("""{"ts":"yesterday","readings":{"power_w":1}}""", RejectionReasons.WrongType)]
    [InlineData("""{"readings":{"power_w":1}""", RejectionReasons.Malformed)]
    [InlineData("""{"readings":{"power_w":1}} trailing""", RejectionReasons.Malformed)]
    [InlineData("""{"readings":{}}""", RejectionReasons.Malformed)]
    [InlineData("""{"values":{"power_w":1}}""", RejectionReasons.Malformed)]
    [InlineData("""[1,2,3]""", RejectionReasons.Malformed)]
    [InlineData("", RejectionReasons.Malformed)]
    [InlineData("""{"readings":{"power w":1}}""", RejectionReasons.BadMetricName)]
    [InlineData("""{"readings":{"":1}}""", RejectionReasons.BadMetricName)]
    [InlineData("""{"readings":{"../../etc":1}}""", RejectionReasons.BadMetricName)]
    [InlineData("""{"readings":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}}""", RejectionReasons.TooManyMetrics)]
    [InlineData("""{"ts":"2026-11-24T10:06:00Z","readings":{"power_w":1}}""", RejectionReasons.FutureTimestamp)]
    [InlineData("""{"ts":"2026-11-01T00:00:00Z","readings":{"power_w":1}}""", RejectionReasons.StaleTimestamp)]
    [InlineData("""{"ts":-5,"readings":{"power_w":1}}""", RejectionReasons.StaleTimestamp)]
    public void Bad_single_twin_messages_are_refused_with_their_reason(string json, string reason)
    {
        var result = Single(json);

        Assert.Null(result.Message);
        Assert.Equal(reason, result.Rejection!.Reason);
    }

    [Theory]
    [InlineData("""{"twins":{"srv 1":{"power_w":1}}}""", RejectionReasons.UnknownTwin)]
    [InlineData("""{"twins":{"a":{"x":1},"b":{"x":1},"c":{"x":1},"d":{"x":1}}}""", RejectionReasons.TooManyMetrics)]
    [InlineData("""{"twins":{"a":{"x":1,"y":2,"z":3},"b":{"x":1,"y":2,"z":3},"c":{"x":1,"y":2,"z":3}}}""", RejectionReasons.TooManyMetrics)]
    [InlineData("""{"twins":[]}""", RejectionReasons.WrongType)]
    [InlineData("""[{"ts":"2026-11-24T10:00:00Z","readings":{"x":1}}]""", RejectionReasons.Malformed)]
    [InlineData("""[{"twin":7,"readings":{"x":1}}]""", RejectionReasons.WrongType)]
    [InlineData("""[{"twin":"srv-1","readings":{"x":"nan"}}]""", RejectionReasons.NotFinite)]
    [InlineData("""["srv-1"]""", RejectionReasons.WrongType)]
    [InlineData("""42""", RejectionReasons.Malformed)]
    public void Bad_batch_messages_are_refused_as_a_whole(string json, string reason)
    {
        var result = Batch(json);

        Assert.Null(result.Message);
        Assert.Equal(reason, result.Rejection!.Reason);
    }

    [Fact]
    public void Deeply_nested_input_is_refused_without_recursion()
    {
        var json = "{\"readings\":{\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";
        Assert.Equal(RejectionReasons.Malformed, Single(json).Rejection!.Reason);
    }

    [Fact]
    public void Escaped_names_are_unescaped_before_validation()
    {
        var result = Single("""{"readings":{"power\u005fw":5}}""");
        Assert.Equal("power_w", result.Message!.Batches[0].Readings[0].Metric);
    }
}
