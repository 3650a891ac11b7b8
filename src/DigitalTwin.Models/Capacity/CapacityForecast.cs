namespace DigitalTwin.Models.Capacity;

/// <summary>
/// When one resource runs out at the present trend, with an interval.
/// </summary>
/// <param name="Resource">What runs out, e.g. <c>power</c>, <c>cooling (N+1)</c>, <c>space</c>.</param>
/// <param name="Current">Where the trend stands now (fitted value at the last sample), in the resource's unit.</param>
/// <param name="Limit">Where it runs out.</param>
/// <param name="GrowthPerDay">Fitted growth per day (negative when falling).</param>
/// <param name="ExhaustedAt">When the fitted trend reaches the limit; null when it does not rise or never gets there
/// within the reach of the history; equal to the last sample's time when already past.</param>
/// <param name="Earliest">When the upper prediction bound reaches the limit (the early end of the interval).</param>
/// <param name="Latest">When the lower prediction bound reaches the limit; null when it may never within reach.</param>
/// <param name="Basis">The evidence in words (samples, span, growth, confidence).</param>
public sealed record CapacityForecast(
    string Resource,
    double Current,
    double Limit,
    double GrowthPerDay,
    DateTimeOffset? ExhaustedAt,
    DateTimeOffset? Earliest,
    DateTimeOffset? Latest,
    string Basis);
