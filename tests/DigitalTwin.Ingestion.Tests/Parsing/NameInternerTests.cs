using System.Globalization;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Parsing;

namespace DigitalTwin.Ingestion.Tests.Parsing;

public sealed class NameInternerTests
{
    private static bool Valid(string name) => MetricNames.IsValid(name);

    [Fact]
    public void Names_seen_once_are_not_kept_and_names_seen_again_are_shared()
    {
        var names = new NameInterner();
        for (var i = 0; i < 200_000; i++)
        {
            Assert.True(names.TryIntern($"junk{i}".AsSpan(), Valid, out var value));
            Assert.Equal($"junk{i}", value);
        }
        // A few junk names may share a remembered slot's hash and be kept; nearly all are not.
        Assert.InRange(names.Count, 0, 100);

        var kept = 0;
        for (var round = 0; round < 3; round++)
        {
            for (var m = 0; m < 500; m++) names.TryIntern(("metric" + m.ToString(CultureInfo.InvariantCulture)).AsSpan(), Valid, out _);
        }
        for (var m = 0; m < 500; m++)
        {
            names.TryIntern(("metric" + m.ToString(CultureInfo.InvariantCulture)).AsSpan(), Valid, out var a);
            names.TryIntern(("metric" + m.ToString(CultureInfo.InvariantCulture)).AsSpan(), Valid, out var b);
            if (ReferenceEquals(a, b)) kept++;
        }
        Assert.Equal(500, kept);
    }

    [Fact]
    public void Invalid_names_are_refused_and_never_kept()
    {
        var names = new NameInterner();
        for (var i = 0; i < 3; i++) Assert.False(names.TryIntern("1bad name".AsSpan(), Valid, out _));
        Assert.Equal(0, names.Count);
    }

    [Fact]
    public void The_table_stops_at_its_capacity()
    {
        var names = new NameInterner(capacity: 10);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 100; i++) names.TryIntern($"name{i}".AsSpan(), Valid, out _);
        }
        Assert.Equal(10, names.Count);
    }
}
