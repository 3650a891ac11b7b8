using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Grains.Predictions;

/// <summary>A twin's fitted trend of one wear signal, as its parent passes it to a sibling (<see cref="WearTrend"/> on the wire).</summary>
/// <param name="TwinId">The twin whose trend it is.</param>
/// <param name="Level">The fitted value now.</param>
/// <param name="SlopePerHour">The fitted change per hour.</param>
[GenerateSerializer, Immutable, Alias("dt.grains.WearTrendReport")]
public sealed record WearTrendReport([property: Id(0)] string TwinId, [property: Id(1)] double Level, [property: Id(2)] double SlopePerHour)
{
    /// <summary>The trend for the models.</summary>
    public WearTrend Trend => new(Level, SlopePerHour);
}
