using System.Buffers;
using System.Text;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Parsing;

namespace DigitalTwin.Ingestion.Tests.Parsing;

public sealed class CollectdParserTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_514_400);
    private readonly CollectdMappingOptions _mapping = new()
    {
        Hosts = new(StringComparer.OrdinalIgnoreCase) { ["db01.example.net"] = "srv-db-1" },
        HostTemplate = "{shorthost}",
        Metrics = new() { ["load/load"] = "load_1m,load_5m,load_15m", ["memory/memory-used"] = "mem_used_bytes", ["cpu-*/percent-idle"] = "cpu_idle_pct" },
    };

    private ParseResult Parse(string host, string plugin, string type, string payload, CollectdMappingOptions? mapping = null) =>
        new CollectdParser(new IngestionLimits(), new CollectdTopicMap(mapping ?? _mapping))
            .Parse(host, plugin, type, new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(payload)), Now);

    [Fact]
    public void Single_value_with_trailing_nul_maps_to_the_configured_metric()
    {
        var result = Parse("db01.example.net", "memory", "memory-used", "1795514390.123:8123456\0");

        var reading = Assert.Single(Assert.Single(result.Message!.Batches).Readings);
        Assert.Equal(("mem_used_bytes", 8123456.0), (reading.Metric, reading.Value));
        Assert.Equal("srv-db-1", result.Message.Batches[0].TwinId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795514390123), reading.Timestamp);
    }

    [Fact]
    public void Multi_value_types_take_the_configured_names_in_order()
    {
        var result = Parse("web7.example.net", "load", "load", "1795514390:0.5:0.25:0.125\0");

        Assert.Equal("web7", result.Message!.Batches[0].TwinId);
        Assert.Equal([("load_1m", 0.5), ("load_5m", 0.25), ("load_15m", 0.125)], result.Message.Batches[0].Readings.Select(r => (r.Metric, r.Value)));
    }

    [Fact]
    public void Glob_rules_match_plugin_instances()
    {
        var result = Parse("web7", "cpu-3", "percent-idle", "1795514390:97.5\0");
        Assert.Equal("cpu_idle_pct", result.Message!.Batches[0].Readings[0].Metric);
    }

    [Fact]
    public void Unmatched_topics_get_derived_metric_names()
    {
        var single = Parse("web7", "df-root", "df_complex-free", "1795514390:1024\0");
        var multi = Parse("web7", "interface-eth0", "if_octets", "1795514390:10:20\0");

        Assert.Equal("df_root_df_complex_free", single.Message!.Batches[0].Readings[0].Metric);
        Assert.Equal(["interface_eth0_if_octets_0", "interface_eth0_if_octets_1"], multi.Message!.Batches[0].Readings.Select(r => r.Metric));
    }

    [Theory]
    [InlineData("1795514390:nan\0", RejectionReasons.NotFinite)]
    [InlineData("1795514390:U\0", RejectionReasons.NotFinite)]
    [InlineData("1795514390:-inf", RejectionReasons.NotFinite)]
    [InlineData("1795514390:abc\0", RejectionReasons.WrongType)]
    [InlineData("now:1\0", RejectionReasons.WrongType)]
    [InlineData("1795514390\0", RejectionReasons.Malformed)]
    [InlineData("\0", RejectionReasons.Malformed)]
    [InlineData("1895514390:1\0", RejectionReasons.FutureTimestamp)]
    [InlineData("1000000000:1\0", RejectionReasons.StaleTimestamp)]
    public void Bad_collectd_payloads_are_refused_with_their_reason(string payload, string reason)
    {
        Assert.Equal(reason, Parse("web7", "memory", "memory-used", payload).Rejection!.Reason);
    }

    [Fact]
    public void Hosts_without_a_mapping_are_unknown_twins_when_there_is_no_template()
    {
        var mapping = new CollectdMappingOptions { HostTemplate = "" };
        Assert.Equal(RejectionReasons.UnknownTwin, Parse("stranger", "load", "load", "1795514390:1:2:3\0", mapping).Rejection!.Reason);
    }
}
