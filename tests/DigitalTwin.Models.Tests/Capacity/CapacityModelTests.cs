using DigitalTwin.Models.Capacity;

namespace DigitalTwin.Models.Tests.Capacity;

public class CapacityModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<(DateTimeOffset, double)> Daily(int days, Func<int, double> value, double noise, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, days).Select(d => (Start.AddDays(d), value(d) + noise * (random.NextDouble() * 2 - 1)))];
    }

    [Fact]
    public void A_rising_load_reaches_its_limit_on_the_date_of_the_trend_inside_its_interval()
    {
        // 100 kW growing 0.5 kW a day: 150 kW is reached on day 100, 40 days after the last sample (day 59).
        var history = Daily(60, d => 100 + 0.5 * d, noise: 2, seed: 3);

        var forecast = CapacityModel.Forecast("power", history, limit: 150);

        Assert.NotNull(forecast.ExhaustedAt);
        Assert.InRange((forecast.ExhaustedAt!.Value - Start).TotalDays, 95, 105);
        Assert.InRange(100, (forecast.Earliest!.Value - Start).TotalDays, (forecast.Latest!.Value - Start).TotalDays);
        Assert.True(forecast.Earliest < forecast.ExhaustedAt && forecast.ExhaustedAt < forecast.Latest);
        Assert.Equal(0.5, forecast.GrowthPerDay, 0.05);
        Assert.Contains("60 samples", forecast.Basis);
    }

    [Fact]
    public void Noisier_history_gives_a_wider_interval()
    {
        var quiet = CapacityModel.Forecast("power", Daily(60, d => 100 + 0.5 * d, 1, 4), 150);
        var noisy = CapacityModel.Forecast("power", Daily(60, d => 100 + 0.5 * d, 8, 4), 150);

        var quietWidth = quiet.Latest!.Value - quiet.Earliest!.Value;
        var noisyWidth = (noisy.Latest ?? noisy.Earliest!.Value.AddYears(10)) - noisy.Earliest!.Value;
        Assert.True(noisyWidth > quietWidth * 2, $"{quietWidth} vs {noisyWidth}");
    }

    [Fact]
    public void A_flat_load_never_runs_out_and_one_already_past_runs_out_now()
    {
        var flat = CapacityModel.Forecast("cooling", Daily(30, _ => 80, 0.5, 5), 150);
        var past = CapacityModel.Forecast("space", Daily(30, d => 160 + d, 0.5, 6), 150);

        Assert.Null(flat.ExhaustedAt);
        Assert.Null(flat.Latest);
        Assert.Equal(Start.AddDays(29), past.ExhaustedAt);
    }

    [Fact]
    public void Too_few_samples_are_refused()
    {
        Assert.Contains("at least", Assert.Throws<ArgumentException>(() => CapacityModel.Forecast("power", Daily(3, d => d, 0, 1), 10)).Message);
    }
}
