using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Models.Tests.Anomaly;

public class SequenceNoveltyDetectorTests
{
    private static DigitalTwin.Models.Anomaly.AnomalyScore[] Stream(IStreamingAnomalyDetector detector, double[] values) =>
        values.Select((v, i) => detector.Observe(SyntheticSeries.TimeOf(i), v)).ToArray();

    [Fact]
    public void Spike_is_flagged_where_it_happens()
    {
        var values = SyntheticSeries.DailyCycle(10 * SyntheticSeries.Day, noise: 1.0);
        values[2500] += 40;

        var scores = Stream(AnomalyDetectors.CreateDefault(), values);

        Assert.True(scores[2500].IsAnomaly, $"score at the spike {scores[2500].Score}");
        Assert.InRange(scores[2500].Score, AnomalyDetectors.DefaultAlarmThreshold, 1.0);
    }

    [Fact]
    public void Level_shift_is_flagged_within_a_few_readings()
    {
        var values = SyntheticSeries.DailyCycle(10 * SyntheticSeries.Day, noise: 1.0);
        for (var i = 2500; i < values.Length; i++)
        {
            values[i] += 30;
        }

        var scores = Stream(AnomalyDetectors.CreateDefault(), values);

        Assert.Contains(scores.Skip(2500).Take(5), s => s.IsAnomaly);
    }

    [Fact]
    public void Clean_daily_cycle_raises_no_alarm_after_warm_up()
    {
        var values = SyntheticSeries.DailyCycle(30 * SyntheticSeries.Day, noise: 0);

        var scores = Stream(AnomalyDetectors.CreateDefault(), values);

        Assert.DoesNotContain(scores.Skip(2 * SyntheticSeries.Day), s => s.IsAnomaly);
    }

    [Fact]
    public void Slightly_noisy_daily_cycle_raises_no_alarm_once_learned()
    {
        var values = SyntheticSeries.DailyCycle(30 * SyntheticSeries.Day, noise: 0.5);

        var scores = Stream(AnomalyDetectors.CreateDefault(), values);

        Assert.DoesNotContain(scores.Skip(5 * SyntheticSeries.Day), s => s.IsAnomaly);
    }

    [Fact]
    public void Scores_stay_within_zero_and_one()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(10 * random.NextDouble()) - 1e3).ToArray();

        var scores = Stream(AnomalyDetectors.CreateDefault(), values);

        Assert.All(scores, s => Assert.InRange(s.Score, 0.0, 1.0));
    }

    [Fact]
    public void Score_of_a_reading_does_not_depend_on_later_readings()
    {
        var common = SyntheticSeries.DailyCycle(3000, noise: 2, seed: 5);
        var calm = common.Concat(SyntheticSeries.DailyCycle(1000, noise: 2, seed: 6)).ToArray();
        var wild = common.Concat(Enumerable.Repeat(1e6, 1000)).ToArray();

        var calmScores = Stream(AnomalyDetectors.CreateDefault(), calm);
        var wildScores = Stream(AnomalyDetectors.CreateDefault(), wild);

        Assert.Equal(calmScores.Take(3000), wildScores.Take(3000));
    }

    [Fact]
    public void Memory_stays_bounded_however_many_patterns_arrive()
    {
        var detector = new SequenceNoveltyDetector();
        var random = new Random(11);
        var value = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            detector.Observe(SyntheticSeries.TimeOf(i), value += random.NextDouble() - 0.5);
        }

        // A random walk keeps reaching new levels and new transitions: the worst case for a pattern table.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 300_000; i++)
        {
            detector.Observe(SyntheticSeries.TimeOf(i), value += random.NextDouble() - 0.5);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 64 * 1024);
        Assert.Equal(1 << new SequenceNoveltyOptions().MemoryPower, detector.PatternCapacity);
        Assert.Equal(new SequenceNoveltyOptions().WarmupReadings, detector.WarmupCapacity);
        Assert.Equal(300_000, detector.Observed);
    }

    [Fact]
    public void Non_finite_readings_are_skipped_without_harm()
    {
        var values = SyntheticSeries.DailyCycle(3000, noise: 1);
        var detector = AnomalyDetectors.CreateDefault();
        var clean = Stream(AnomalyDetectors.CreateDefault(), values);

        var scores = new List<DigitalTwin.Models.Anomaly.AnomalyScore>();
        for (var i = 0; i < values.Length; i++)
        {
            var nan = detector.Observe(SyntheticSeries.TimeOf(i), double.NaN);
            Assert.Equal(0, nan.Score);
            Assert.False(nan.IsAnomaly);
            scores.Add(detector.Observe(SyntheticSeries.TimeOf(i), values[i]));
        }

        Assert.Equal(clean.Select(s => s.Score), scores.Select(s => s.Score));
    }

    [Fact]
    public void Settings_that_make_no_sense_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SequenceNoveltyDetector(new SequenceNoveltyOptions { Resolutions = [] }));
        Assert.Throws<ArgumentException>(() => new SequenceNoveltyDetector(new SequenceNoveltyOptions { PeakDecay = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceNoveltyDetector(new SequenceNoveltyOptions { WarmupReadings = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceNoveltyDetector(new SequenceNoveltyOptions { MemoryPower = 40 }));
    }
}
