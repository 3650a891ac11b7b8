namespace DigitalTwin.Evaluation.Faults;

/// <summary>One fault kind's figures: how many were injected and detected, the median delay of sudden ones, the median lead of degradations (NaN where it does not apply).</summary>
public sealed record FaultKindScore(string Kind, int Injected, int Detected, double MedianDelayS, double MedianLeadH);
