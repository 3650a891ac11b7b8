namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>One reading of one metric of one twin.</summary>
public sealed record TelemetryReading(DateTimeOffset At, string TwinId, string Metric, double Value);
