namespace DigitalTwin.Evaluation.Cooling;

/// <summary>A <c>limit</c> line of the simulator's ground truth: a rack's true highest inlet changed level.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="RackId">The rack.</param>
/// <param name="Level">The level it reached: ok, warning (above its warning limit) or critical.</param>
/// <param name="From">The level it left.</param>
/// <param name="MaxInletC">Its true highest inlet then, °C.</param>
public sealed record LimitCrossing(DateTimeOffset At, string RackId, string Level, string From, double MaxInletC);
