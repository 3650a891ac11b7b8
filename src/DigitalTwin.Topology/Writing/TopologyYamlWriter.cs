using System.Globalization;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DigitalTwin.Topology.Writing;

/// <summary>
/// Writes a topology in the file format, one block per twin with the small parts (position, rated, feeds) in flow
/// style, as a person would write it. Strings that YAML would otherwise read as numbers, booleans or null are quoted.
/// </summary>
internal static class TopologyYamlWriter
{
    /// <summary>The YAML text of <paramref name="document"/>.</summary>
    public static string Write(TopologyDocument document)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Plain(emitter, "apiVersion");
        Text(emitter, TopologyFile.ApiVersion);
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (document.Kinds is { Count: > 0 } kinds)
        {
            Plain(emitter, "kinds");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var kind in kinds)
            {
                WriteKind(emitter, kind);
                declared.Add(kind.Name);
            }
            emitter.Emit(new SequenceEnd());
        }
        Plain(emitter, "twins");
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        // Null entries can only come from code, never from a file; they have nothing to write.
        foreach (var twin in document.Twins ?? [])
        {
            if (twin is not null) WriteTwin(emitter, twin, declared);
        }
        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteKind(IEmitter emitter, DeclaredKind kind)
    {
        emitter.Emit(new MappingStart());
        Field(emitter, "name", kind.Name);
        Field(emitter, "base", kind.Base.ToWireName());
        if (kind.Description is not null) Field(emitter, "description", kind.Description);
        if (kind.Wear is { Count: > 0 } wear)
        {
            Plain(emitter, "wear");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var signal in wear)
            {
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                Field(emitter, "metric", signal.Metric);
                Field(emitter, "direction", signal.Rising ? "rising" : "falling");
                if (signal.FailureAt is { } at)
                {
                    Plain(emitter, "failAt");
                    Plain(emitter, at.ToString("R", CultureInfo.InvariantCulture));
                }
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }
        emitter.Emit(new MappingEnd());
    }

    // A twin of a declared kind is written under that kind's name when the document declares it, else as its base.
    private static void WriteTwin(IEmitter emitter, TwinSpec twin, HashSet<string> declared)
    {
        emitter.Emit(new MappingStart());
        Field(emitter, "id", twin.Id);
        Field(emitter, "kind", twin.Type is { } type && declared.Contains(type) ? type : twin.Kind.ToWireName());
        if (twin.ParentId is not null) Field(emitter, "parent", twin.ParentId);
        if (twin.Name is not null) Field(emitter, "name", twin.Name);
        if (twin.Position is { } position)
        {
            Plain(emitter, "position");
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
            Field(emitter, "row", position.Row);
            Plain(emitter, "slot");
            Plain(emitter, position.Slot.ToString(CultureInfo.InvariantCulture));
            emitter.Emit(new MappingEnd());
        }
        if (twin.Rated is { Count: > 0 } rated)
        {
            Plain(emitter, "rated");
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
            foreach (var (property, value) in rated)
            {
                Text(emitter, property);
                Number(emitter, value);
            }
            emitter.Emit(new MappingEnd());
        }
        if (twin.PowerFeeds is { Count: > 0 } feeds)
        {
            Plain(emitter, "power");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var feed in feeds.Where(f => f is not null))
            {
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                Field(emitter, "source", feed.SourceId);
                Field(emitter, "path", feed.Path);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }
        if (twin.CoolingUnits is { Count: > 0 } cooling) List(emitter, "cooling", cooling);
        if (twin.RunsOn is { Count: > 0 } runsOn) List(emitter, "runsOn", runsOn);
        if (twin.Tags is { Count: > 0 } tags) List(emitter, "tags", tags);
        if (twin.Limits is { Count: > 0 } limits)
        {
            Plain(emitter, "limits");
            emitter.Emit(new MappingStart());
            foreach (var (metric, limit) in limits.Where(l => l.Value is not null))
            {
                Text(emitter, metric);
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                Bound(emitter, "warnAbove", limit.WarnAbove);
                Bound(emitter, "criticalAbove", limit.CriticalAbove);
                Bound(emitter, "warnBelow", limit.WarnBelow);
                Bound(emitter, "criticalBelow", limit.CriticalBelow);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new MappingEnd());
    }

    private static void List(IEmitter emitter, string key, IReadOnlyList<string> values)
    {
        Plain(emitter, key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
        foreach (var value in values) Text(emitter, value);
        emitter.Emit(new SequenceEnd());
    }

    private static void Bound(IEmitter emitter, string key, double? value)
    {
        if (value is null) return;
        Plain(emitter, key);
        Number(emitter, value.Value);
    }

    private static void Field(IEmitter emitter, string key, string value)
    {
        Plain(emitter, key);
        Text(emitter, value);
    }

    private static void Plain(IEmitter emitter, string value) => emitter.Emit(new Scalar(value));

    private static void Number(IEmitter emitter, double value) => Plain(emitter, value switch
    {
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        double.NaN => ".nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    });

    // The emitter chooses plain style whenever the characters allow it, but cannot know that "42", "true" or "~"
    // would be read back as something other than text; those are quoted so any YAML reader sees strings.
    private static void Text(IEmitter emitter, string value)
    {
        var ambiguous = value.Length == 0
            || value is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
                or "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF"
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || value.StartsWith('.') || value.StartsWith("-.", StringComparison.Ordinal) || value.StartsWith("+.", StringComparison.Ordinal);
        emitter.Emit(ambiguous
            ? new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true)
            : new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Any, true, true));
    }
}
