using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Models.Tests.Anomaly;

/// <summary>
/// A detector's pattern table is allocated as patterns arrive: a steady metric (most of a fleet) keeps a few
/// kilobytes instead of the full table, and a busy one ends with the full table (which it fills slot for slot as
/// before, so scores are unchanged: the NAB and detector tests hold them).
/// </summary>
public sealed class Pattern_tables_fill_as_patterns_arrive
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_steady_metric_keeps_a_small_table_and_a_noisy_one_the_full_table()
    {
        var steady = new SequenceNoveltyDetector();
        var noisy = new SequenceNoveltyDetector();
        Assert.Equal(0, steady.PatternBytes);

        var random = new Random(3);
        for (var i = 0; i < 3_000; i++)
        {
            steady.Observe(Start.AddMinutes(i), 21.5);
            noisy.Observe(Start.AddMinutes(i), 20 + 10 * random.NextDouble());
        }

        Assert.InRange(steady.PatternBytes, 1, 8 * 1024);
        Assert.Equal(noisy.PatternCapacity * sizeof(ulong), noisy.PatternBytes);
    }
}
