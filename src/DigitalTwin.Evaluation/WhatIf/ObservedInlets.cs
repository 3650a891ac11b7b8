namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>The true hottest inlet of each rack at one instant, seconds after the failure (from the simulator's truth).</summary>
public sealed record ObservedInlets(double AtS, IReadOnlyDictionary<string, double> MaxInletC);
