using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Tests.RemainingLife;

public class DegradationTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Linear_noisy_rise_gives_a_time_to_failure_whose_interval_holds_the_truth()
    {
        // 50 + 0.5 per hour with noise sd 1, read every 5 min for 48 h: 80 is reached at hour 60, 12 h after the last reading.
        // One noise draw; a 95% interval misses about one draw in twenty, which the calibration test below measures.
        var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(24), "temp_c"), hours: 48, value: h => 50 + 0.5 * h, noise: 1.0, seed: 8);

        var forecast = tracker.Forecast(80, DegradationDirection.Rising, TimeSpan.FromHours(24));

        Assert.NotNull(forecast.TimeToFailure);
        Assert.InRange(12.0, forecast.TimeToFailureLow!.Value.TotalHours, forecast.TimeToFailureHigh!.Value.TotalHours);
        Assert.InRange(forecast.TimeToFailure.Value.TotalHours, 10, 14);
        Assert.True(forecast.ProbabilityWithinHorizon > 0.99, $"P = {forecast.ProbabilityWithinHorizon}");
        Assert.Contains("rising", forecast.Trend);
        Assert.Contains("reaches 80", forecast.Trend);
    }

    [Fact]
    public void Failure_far_beyond_the_horizon_has_probability_near_zero()
    {
        var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(24)), hours: 48, value: h => 50 + 0.5 * h, noise: 1.0, seed: 2);

        var soon = tracker.Forecast(80, DegradationDirection.Rising, TimeSpan.FromHours(2));
        var far = tracker.Forecast(200, DegradationDirection.Rising, TimeSpan.FromHours(24));

        Assert.True(soon.ProbabilityWithinHorizon < 0.01, $"P(2 h) = {soon.ProbabilityWithinHorizon}");
        Assert.True(far.ProbabilityWithinHorizon < 0.01, $"P(24 h) = {far.ProbabilityWithinHorizon}");
        // 200 is reached at hour 300, 252 h past the last reading.
        Assert.InRange(far.TimeToFailure!.Value.TotalHours, 230, 275);
    }

    [Fact]
    public void Falling_metric_forecasts_its_crossing_below_the_threshold()
    {
        // A fan losing 20 rpm per hour from 9,000 rpm; failure below 7,000 is 100 h in, 28 h after 72 h of readings.
        var tracker = Feed(new DegradationTracker(TimeSpan.FromDays(2), "fan_rpm"), hours: 72, value: h => 9000 - 20 * h, noise: 40, seed: 3);

        var forecast = tracker.Forecast(7000, DegradationDirection.Falling, TimeSpan.FromHours(48));

        Assert.InRange(28.0, forecast.TimeToFailureLow!.Value.TotalHours, forecast.TimeToFailureHigh!.Value.TotalHours);
        Assert.True(forecast.ProbabilityWithinHorizon > 0.99);
        Assert.Contains("falling", forecast.Trend);
    }

    [Fact]
    public void Flat_noisy_series_shows_no_failure_in_sight()
    {
        var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(24)), hours: 72, value: _ => 40, noise: 2.0, seed: 4);

        var forecast = tracker.Forecast(60, DegradationDirection.Rising, TimeSpan.FromHours(48));

        Assert.Null(forecast.TimeToFailure);
        Assert.Null(forecast.TimeToFailureLow);
        Assert.True(forecast.ProbabilityWithinHorizon < 0.05, $"P = {forecast.ProbabilityWithinHorizon}");
        Assert.Contains("no failure in sight", forecast.Trend);
    }

    [Fact]
    public void Intervals_hold_the_true_time_to_failure_in_most_trials()
    {
        // Calibration: the 95% interval should miss rarely. Allow some slack for the normal approximation.
        var covered = 0;
        const int trials = 200;
        for (var seed = 0; seed < trials; seed++)
        {
            var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(12)), hours: 24, value: h => 10 + 0.2 * h, noise: 0.5, seed: 100 + seed, stepMinutes: 10);
            var forecast = tracker.Forecast(20, DegradationDirection.Rising, TimeSpan.FromHours(24));
            // 20 is reached at hour 50, 26 h after the last reading.
            if (forecast.TimeToFailureLow is { } low && forecast.TimeToFailureHigh is { } high && low.TotalHours <= 26 && 26 <= high.TotalHours) covered++;
        }
        Assert.InRange(covered, (int)(0.88 * trials), trials);
    }

    [Fact]
    public void Correlated_noise_widens_intervals_instead_of_raising_false_alarms()
    {
        // AR(1) noise with lag-one correlation 0.9 (slow wander, as a room's temperature does), 300 draws.
        var covered = 0;
        var falseAlarms = 0;
        const int trials = 300;
        for (var seed = 0; seed < trials; seed++)
        {
            var random = new Random(5000 + seed);
            var rising = new DegradationTracker(TimeSpan.FromHours(24));
            var flat = new DegradationTracker(TimeSpan.FromHours(24));
            var wander = 0.0;
            for (var minute = 0; minute <= 48 * 60; minute += 5)
            {
                wander = 0.9 * wander + Math.Sqrt(1 - 0.81) * Gaussian(random);
                rising.Observe(Start.AddMinutes(minute), 50 + 0.5 * minute / 60.0 + wander);
                flat.Observe(Start.AddMinutes(minute), 50 + wander);
            }
            var forecast = rising.Forecast(80, DegradationDirection.Rising, TimeSpan.FromHours(24));
            if (forecast.TimeToFailureLow!.Value.TotalHours <= 12 && 12 <= forecast.TimeToFailureHigh!.Value.TotalHours) covered++;
            if (flat.Forecast(60, DegradationDirection.Rising, TimeSpan.FromHours(48)).TimeToFailure is not null) falseAlarms++;
        }
        // Measured: 279 of 300 covered and 8 false alarms; treating the noise as independent gave 127 and 76.
        Assert.InRange(covered, (int)(0.88 * trials), trials);
        Assert.InRange(falseAlarms, 0, (int)(0.06 * trials));
    }

    [Fact]
    public void Level_already_past_the_threshold_means_failure_now()
    {
        var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(6)), hours: 12, value: h => 90 + h, noise: 0.5, seed: 5);

        var forecast = tracker.Forecast(85, DegradationDirection.Rising, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, forecast.TimeToFailure);
        Assert.True(forecast.ProbabilityWithinHorizon > 0.99);
        Assert.Contains("already beyond", forecast.Trend);
    }

    [Fact]
    public void Too_few_readings_give_no_forecast()
    {
        var tracker = new DegradationTracker(TimeSpan.FromHours(1));
        for (var i = 0; i < DegradationTracker.MinimumReadings - 1; i++) tracker.Observe(Start.AddMinutes(i), 100 + i);

        var forecast = tracker.Forecast(50, DegradationDirection.Rising, TimeSpan.FromHours(1));

        Assert.Equal(0, forecast.ProbabilityWithinHorizon);
        Assert.Null(forecast.TimeToFailure);
        Assert.Contains("collecting readings", forecast.Trend);
    }

    [Fact]
    public void Long_silence_forgets_the_old_trend()
    {
        var tracker = Feed(new DegradationTracker(TimeSpan.FromHours(1)), hours: 12, value: h => 50 + 2 * h, noise: 0.5, seed: 9);
        Assert.NotNull(tracker.Forecast(100, DegradationDirection.Rising, TimeSpan.FromHours(24)).TimeToFailure);

        // Thirty half-lives later one fresh reading cannot carry a trend, and the stale one no longer counts.
        tracker.Observe(Start.AddHours(42), 60);
        var forecast = tracker.Forecast(100, DegradationDirection.Rising, TimeSpan.FromHours(24));

        Assert.Null(forecast.TimeToFailure);
        Assert.Contains("too few recent readings", forecast.Trend);
    }

    [Fact]
    public void Refuses_non_finite_values_and_readings_older_than_the_latest()
    {
        var tracker = new DegradationTracker(TimeSpan.FromHours(1));
        Assert.True(tracker.Observe(Start.AddMinutes(10), 1));

        Assert.False(tracker.Observe(Start.AddMinutes(11), double.NaN));
        Assert.False(tracker.Observe(Start.AddMinutes(12), double.PositiveInfinity));
        Assert.False(tracker.Observe(Start.AddMinutes(5), 2));
        Assert.Equal(1, tracker.Count);
        Assert.Equal(Start.AddMinutes(10), tracker.LastTimestamp);
    }

    [Fact]
    public void Observing_allocates_nothing_however_long_it_runs()
    {
        var tracker = new DegradationTracker(TimeSpan.FromHours(24));
        var random = new Random(6);
        tracker.Observe(Start, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 1_000_000; i++) tracker.Observe(Start.AddSeconds(10 * i), 0.001 * i + random.NextDouble());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        // A million readings later (116 days) the fit still holds: 0.001 per 10 s is 0.36 per hour.
        var forecast = tracker.Forecast(1500, DegradationDirection.Rising, TimeSpan.FromDays(1));
        Assert.InRange(forecast.TimeToFailure!.Value.TotalHours, (1500 - 1000.5) / 0.36 * 0.95, (1500 - 1000.5) / 0.36 * 1.05);
    }

    [Fact]
    public void Restored_tracker_forecasts_exactly_as_the_original()
    {
        var original = Feed(new DegradationTracker(TimeSpan.FromHours(24), "temp_c"), hours: 30, value: h => 50 + 0.5 * h, noise: 1.0, seed: 7);

        var restored = DegradationTracker.Restore(original.Snapshot(), "temp_c");

        Assert.Equal(original.Forecast(80, DegradationDirection.Rising, TimeSpan.FromHours(24)), restored.Forecast(80, DegradationDirection.Rising, TimeSpan.FromHours(24)));
        Assert.Equal(original.Count, restored.Count);
    }

    [Fact]
    public void Trend_span_is_the_time_the_readings_cover_and_shrinks_as_old_readings_fade()
    {
        Assert.Null(new DegradationTracker(TimeSpan.FromHours(24)).TrendSpan);

        var recent = Feed(new DegradationTracker(TimeSpan.FromDays(365)), hours: 10, value: h => h, noise: 0.1, seed: 4);
        var faded = Feed(new DegradationTracker(TimeSpan.FromMinutes(30)), hours: 100, value: h => h, noise: 0.1, seed: 4);

        Assert.InRange(recent.TrendSpan!.Value.TotalHours, 9.5, 10.5);
        // Exponential fading with a 30 min half-life weighs time like an exponential of mean 43 min: about 2.5 h of span.
        Assert.InRange(faded.TrendSpan!.Value.TotalHours, 1.5, 4);
    }

    private static DegradationTracker Feed(DegradationTracker tracker, double hours, Func<double, double> value, double noise, int seed, int stepMinutes = 5)
    {
        var random = new Random(seed);
        for (var minute = 0; minute <= hours * 60; minute += stepMinutes)
        {
            var h = minute / 60.0;
            tracker.Observe(Start.AddMinutes(minute), value(h) + noise * Gaussian(random));
        }
        return tracker;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
