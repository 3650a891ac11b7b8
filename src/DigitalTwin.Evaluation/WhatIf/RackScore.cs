namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>One rack in a what-if comparison: predicted and actual time to its limit and peak inlet, and its inlet error.</summary>
public sealed record RackScore(string Id, double? PredictedS, double? ActualS, double PredictedPeakC, double ActualPeakC, double InletMaeC);
