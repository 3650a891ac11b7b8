namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>What the twin predicted for one rack: its limit, when it crosses it, and its inlet at every step from the failure.</summary>
public sealed record PredictedRack(string Id, double LimitC, double? TimeToLimitS, IReadOnlyList<double> SeriesC);
