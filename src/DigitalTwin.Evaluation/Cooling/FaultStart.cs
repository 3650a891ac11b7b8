namespace DigitalTwin.Evaluation.Cooling;

/// <summary>A fault the simulator injected: when it started, its kind and the twin it hit.</summary>
public sealed record FaultStart(DateTimeOffset At, string Kind, string Target);
