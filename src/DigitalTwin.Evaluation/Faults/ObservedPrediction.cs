namespace DigitalTwin.Evaluation.Faults;

/// <summary>The first time the twin's predictions asked for maintenance on a twin (an action other than "No action").</summary>
/// <param name="TwinId">The twin the prediction names.</param>
/// <param name="At">When it was first seen, simulated time.</param>
/// <param name="Action">The recommended action then.</param>
public sealed record ObservedPrediction(string TwinId, DateTimeOffset At, string Action);
