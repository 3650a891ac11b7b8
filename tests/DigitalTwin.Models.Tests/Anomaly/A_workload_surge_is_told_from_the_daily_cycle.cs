using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Models.Tests.Anomaly;

public sealed class A_workload_surge_is_told_from_the_daily_cycle
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T00:00:00Z");
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    // A server's day: a level shaped by the hour (peak mid-afternoon), a slow random wander (5 points, minutes long)
    // and reading noise; power follows utilisation from an idle floor.
    private static IEnumerable<(DateTimeOffset At, double Util, double Power)> Day(int days, int seed, Func<DateTimeOffset, double>? extraUtil = null, Func<DateTimeOffset, double>? extraPower = null)
    {
        var random = new Random(seed);
        var wander = 0.0;
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var at = T0; at < T0.AddDays(days); at += Step)
        {
            wander = wander * Math.Exp(-60.0 / 300) + 5 * Math.Sqrt(1 - Math.Exp(-120.0 / 300)) * Gaussian();
            var util = Math.Clamp(45 * (1 + 0.35 * Math.Sin(2 * Math.PI * (at.TimeOfDay.TotalHours - 8) / 24)) + wander + (extraUtil?.Invoke(at) ?? 0), 2, 100);
            var power = 180 + 3.2 * Math.Pow(util, 0.9) + (extraPower?.Invoke(at) ?? 0) + Gaussian();
            yield return (at, util + 0.5 * Gaussian(), power);
        }
    }

    [Fact]
    public void Three_ordinary_days_raise_no_surge()
    {
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var detector = new LoadSurgeDetector();
            var surges = Day(3, seed).Count(s => detector.Observe(s.At, s.Util, s.Power) && detector.IsSurging);
            Assert.Equal(0, surges);
        }
    }

    [Fact]
    public void Forty_points_more_work_for_half_an_hour_is_a_surge_within_three_readings_and_ends_with_it()
    {
        var start = T0.AddHours(30);
        var end = start.AddMinutes(30);
        var detector = new LoadSurgeDetector();
        var changes = Day(2, 7, at => at >= start && at < end ? 40 : 0)
            .Where(s => detector.Observe(s.At, s.Util, s.Power)).Select(s => (s.At, detector.IsSurging)).ToList();

        Assert.Equal(2, changes.Count);
        Assert.True(changes[0].IsSurging);
        Assert.InRange(changes[0].At, start, start + 3 * Step);
        Assert.False(changes[1].IsSurging);
        Assert.InRange(changes[1].At, end, end + 5 * Step);
    }

    [Fact]
    public void Power_that_rises_without_work_or_work_that_costs_no_power_is_no_surge()
    {
        var start = T0.AddHours(30);
        bool During(DateTimeOffset at) => at >= start && at < start.AddMinutes(30);

        var hotFans = new LoadSurgeDetector();
        Assert.DoesNotContain(Day(2, 8, extraPower: at => During(at) ? 150 : 0), s => hotFans.Observe(s.At, s.Util, s.Power) && hotFans.IsSurging);

        var wrongCounter = new LoadSurgeDetector();
        Assert.DoesNotContain(Day(2, 9).Select(s => (s.At, Util: During(s.At) ? s.Util + 40 : s.Util, s.Power)),
            s => wrongCounter.Observe(s.At, s.Util, s.Power) && wrongCounter.IsSurging);
    }
}
