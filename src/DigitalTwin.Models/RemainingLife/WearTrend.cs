namespace DigitalTwin.Models.RemainingLife;

/// <summary>A wear signal's fitted trend now: its level and its slope per hour.</summary>
/// <param name="Level">The fitted value now.</param>
/// <param name="SlopePerHour">The fitted change per hour.</param>
public readonly record struct WearTrend(double Level, double SlopePerHour);
