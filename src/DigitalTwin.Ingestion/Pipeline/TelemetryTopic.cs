using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Parsing;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>The documented topic scheme, and the classification of a published topic against it.</summary>
public readonly record struct TelemetryTopic(TopicKind Kind, string? TwinId = null, string? Host = null, string? Plugin = null, string? Type = null)
{
    /// <summary>The batch telemetry topic.</summary>
    public const string Batch = "dt/telemetry";
    /// <summary>The prefix of per-twin telemetry topics.</summary>
    public const string TwinPrefix = "dt/telemetry/";
    /// <summary>The prefix of command topics.</summary>
    public const string CommandPrefix = "dt/commands/";
    /// <summary>The suffix of command acknowledgement topics.</summary>
    public const string AckSuffix = "/ack";
    /// <summary>The prefix of dead-letter topics.</summary>
    public const string DeadLetterPrefix = "dt/deadletter/";
    /// <summary>The benchmark's baseline topic.</summary>
    public const string BenchRaw = "dt/bench/raw";
    /// <summary>The prefix of simulator control topics (<c>sim/faults</c>).</summary>
    public const string SimulationPrefix = "sim/";
    /// <summary>The prefix of collectd topics.</summary>
    public const string CollectdPrefix = "collectd/";

    private const int MaxTopicLength = 512;

    /// <summary>The command topic of a twin.</summary>
    public static string CommandTopic(string twinId) => CommandPrefix + twinId;

    /// <summary>
    /// Classifies <paramref name="topic"/>; anything undocumented or malformed is <see cref="TopicKind.Invalid"/>.
    /// With <paramref name="names"/>, twin ids of telemetry topics are shared strings (no allocation per message).
    /// </summary>
    public static TelemetryTopic Parse(string? topic, NameInterner? names = null)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > MaxTopicLength) return default;
        if (topic.StartsWith(TwinPrefix, StringComparison.Ordinal))
        {
            if (names is not null)
            {
                return names.TryIntern(topic.AsSpan(TwinPrefix.Length), TwinIds.IsValid, out var shared) ? new(TopicKind.TwinTelemetry, shared) : default;
            }
            var id = topic[TwinPrefix.Length..];
            return TwinIds.IsValid(id) ? new(TopicKind.TwinTelemetry, id) : default;
        }
        if (topic == Batch) return new(TopicKind.BatchTelemetry);
        if (topic.StartsWith(CollectdPrefix, StringComparison.Ordinal))
        {
            var levels = topic.Split('/');
            if (levels.Length != 4 || levels.Skip(1).Any(l => !IsPlainLevel(l))) return default;
            return new(TopicKind.Collectd, Host: levels[1], Plugin: levels[2], Type: levels[3]);
        }
        if (topic.StartsWith(CommandPrefix, StringComparison.Ordinal))
        {
            var rest = topic[CommandPrefix.Length..];
            if (rest.EndsWith(AckSuffix, StringComparison.Ordinal))
            {
                var id = rest[..^AckSuffix.Length];
                return TwinIds.IsValid(id) ? new(TopicKind.CommandAck, id) : default;
            }
            return TwinIds.IsValid(rest) ? new(TopicKind.Command, rest) : default;
        }
        if (topic.StartsWith(DeadLetterPrefix, StringComparison.Ordinal)) return new(TopicKind.DeadLetter);
        if (topic == BenchRaw) return new(TopicKind.BenchRaw);
        if (topic.StartsWith(SimulationPrefix, StringComparison.Ordinal) && topic.Length > SimulationPrefix.Length
            && topic[SimulationPrefix.Length..].Split('/').All(IsPlainLevel))
        {
            return new(TopicKind.Simulation);
        }
        return default;
    }

    // collectd levels are host names and plugin/type names: no wildcards, no control characters, bounded.
    private static bool IsPlainLevel(string level) =>
        level.Length is > 0 and <= 128 && level.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
