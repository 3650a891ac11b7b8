namespace DigitalTwin.Evaluation.AlertThresholds;

/// <summary>
/// One point of the false-alarm curve: at this alert threshold, this many alerts, so many per 100 twin-days, and the
/// rate the recording cannot rule out (the one-sided 95 % Poisson upper bound: with no alert in 300 twin-days it is
/// still 1 per 100 twin-days).
/// </summary>
public sealed record FalseAlarmPoint(double Threshold, int Alerts, double Per100TwinDays, double UpperPer100TwinDays = double.NaN);
