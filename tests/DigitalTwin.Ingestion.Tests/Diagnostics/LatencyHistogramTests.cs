using DigitalTwin.Ingestion.Diagnostics;

namespace DigitalTwin.Ingestion.Tests.Diagnostics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_fall_within_five_percent_of_the_recorded_values()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++) histogram.Record(i / 10.0);

        var counts = histogram.Counts();
        Assert.InRange(LatencyHistogram.Percentile(counts, 0.5)!.Value, 50, 52.5);
        Assert.InRange(LatencyHistogram.Percentile(counts, 0.99)!.Value, 99, 104);
        Assert.InRange(LatencyHistogram.Percentile(counts, 1.0)!.Value, 100, 105);
    }

    [Fact]
    public void An_empty_histogram_has_no_percentiles()
    {
        Assert.Null(LatencyHistogram.Percentile(new LatencyHistogram().Counts(), 0.5));
    }

    [Fact]
    public void Extreme_values_are_clamped_into_the_end_buckets()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-3);
        histogram.Record(double.MaxValue);
        Assert.Equal(2, histogram.Counts().Sum());
    }
}
