namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// How <see cref="RemainingLifeModel"/> learns. The defaults follow the common C-MAPSS protocol (targets capped at
/// 125 cycles, because early in life no sensor shows wear and the true remaining life cannot be read from the data).
/// </summary>
public sealed record RemainingLifeOptions
{
    /// <summary>Training targets are min(true remaining life, this): a healthy unit is "at least this far from failure".</summary>
    public double RulCap { get; init; } = 125;

    /// <summary>Cycles behind the long-window mean and slope features.</summary>
    public int LongWindow { get; init; } = 30;

    /// <summary>Cycles behind the short-window mean feature (the latest level with some noise averaged out).</summary>
    public int ShortWindow { get; init; } = 5;

    /// <summary>
    /// Channels whose absolute correlation with the capped target is below this are dropped: constant sensors and
    /// operating settings carry no wear signal and only give the trees noise to split on.
    /// </summary>
    public double MinChannelCorrelation { get; init; } = 0.2;

    /// <summary>The regressor's settings.</summary>
    public GradientBoostingOptions Boosting { get; init; } = new();
}
