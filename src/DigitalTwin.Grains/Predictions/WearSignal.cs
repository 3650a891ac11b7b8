using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Grains.Predictions;

/// <summary>
/// A reading that shows a part wearing out: which metric, which way it goes as the part wears, where the part counts
/// as failed when the topology gives no critical limit for it, and what a prediction from it is based on.
/// </summary>
public sealed record WearSignal(string Metric, DegradationDirection Direction, double DefaultFailure, string Basis);
