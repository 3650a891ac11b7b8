namespace DigitalTwin.Evaluation.AlertThresholds;

/// <summary>One point of the false-alarm curve: at this alert threshold, this many alerts, so many per 100 twin-days.</summary>
public sealed record FalseAlarmPoint(double Threshold, int Alerts, double Per100TwinDays);
