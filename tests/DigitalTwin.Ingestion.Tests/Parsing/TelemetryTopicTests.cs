using DigitalTwin.Ingestion.Pipeline;

namespace DigitalTwin.Ingestion.Tests.Parsing;

public sealed class TelemetryTopicTests
{
    [Theory]
    [InlineData("dt/telemetry/srv-1", TopicKind.TwinTelemetry, "srv-1")]
    [InlineData("dt/telemetry", TopicKind.BatchTelemetry, null)]
    [InlineData("dt/commands/crac-1/ack", TopicKind.CommandAck, "crac-1")]
    [InlineData("dt/commands/crac-1", TopicKind.Command, "crac-1")]
    [InlineData("dt/deadletter/malformed", TopicKind.DeadLetter, null)]
    [InlineData("dt/bench/raw", TopicKind.BenchRaw, null)]
    [InlineData("sim/faults", TopicKind.Simulation, null)]
    [InlineData("collectd/web7.example.net/cpu-0/percent-idle", TopicKind.Collectd, null)]
    public void Documented_topics_are_recognised(string topic, TopicKind kind, string? twin)
    {
        var parsed = TelemetryTopic.Parse(topic);
        Assert.Equal((kind, twin), (parsed.Kind, parsed.TwinId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dt/telemetry/")]
    [InlineData("dt/telemetry/srv-1/extra")]
    [InlineData("dt/telemetry/srv 1")]
    [InlineData("dt/telemetry/../../etc/passwd")]
    [InlineData("dt/telemetry/-leading-dash")]
    [InlineData("dt/telemetry/srv~scenario")]
    [InlineData("dt/telemetry/\u0000")]
    [InlineData("dt/telemetry/sérver")]
    [InlineData("collectd/host/cpu")]
    [InlineData("collectd/host/cpu/idle/extra")]
    [InlineData("collectd/ho st/cpu/idle")]
    [InlineData("$SYS/broker")]
    [InlineData("random/topic")]
    public void Undocumented_or_hostile_topics_are_invalid(string topic)
    {
        Assert.Equal(TopicKind.Invalid, TelemetryTopic.Parse(topic).Kind);
    }

    [Theory]
    [InlineData("dt/telemetry/srv-1", TopicKind.TwinTelemetry)]
    [InlineData("dt/telemetry/srv 1", TopicKind.Invalid)]
    [InlineData("dt/telemetry/-x", TopicKind.Invalid)]
    public void Interned_twin_ids_follow_the_same_rules(string topic, TopicKind kind)
    {
        var names = new DigitalTwin.Ingestion.Parsing.NameInterner();
        var first = TelemetryTopic.Parse(topic, names);
        var second = TelemetryTopic.Parse(topic, names);
        var third = TelemetryTopic.Parse(topic, names);

        Assert.Equal(kind, first.Kind);
        Assert.Equal(TelemetryTopic.Parse(topic).TwinId, first.TwinId);
        // Shared from the second sighting on (a name seen once is not kept).
        if (kind == TopicKind.TwinTelemetry) Assert.Same(second.TwinId, third.TwinId);
    }

    [Fact]
    public void Very_long_topics_are_invalid()
    {
        Assert.Equal(TopicKind.Invalid, TelemetryTopic.Parse("dt/telemetry/" + new string('a', 100_000)).Kind);
    }
}
