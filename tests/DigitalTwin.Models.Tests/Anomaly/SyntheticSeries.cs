namespace DigitalTwin.Models.Tests.Anomaly;

/// <summary>Metrics with known shapes: a daily cycle sampled every five minutes, with optional noise.</summary>
internal static class SyntheticSeries
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Day = 288;

    public static double[] DailyCycle(int length, double noise, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length)
            .Select(i => 50 + 10 * Math.Sin(2 * Math.PI * i / Day) + noise * (random.NextDouble() - 0.5))
            .ToArray();
    }

    public static DateTimeOffset TimeOf(int row) => Start.AddMinutes(5 * row);
}
