using System.CommandLine;
using System.Globalization;
using DigitalTwin.Evaluation.AlertThresholds;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval alert-threshold</c>: chooses the anomaly alert threshold the twins use from the false alerts measured on
/// a fault-free telemetry recording, instead of by hand.
/// </summary>
internal static class EvalAlertThresholdCommand
{
    public static Command Create()
    {
        var recording = new Option<string>("--recording")
        {
            Description = "A fault-free telemetry recording: one JSON line per message, {\"ts\", \"topic\", \"payload\"} (the simulator's --record output).",
            Required = true,
        };
        var budget = new Option<double>("--budget")
        {
            Description = "False anomaly alerts allowed per 100 twin-days (default 0.5: half of the twins' whole false-alert budget of 1, the rest is for limit and role alerts).",
            DefaultValueFactory = _ => 0.5,
        };
        var clear = new Option<int>("--clear-readings")
        {
            Description = "Normal readings in a row that resolve an alert (the twins' AlertClearReadings; default 10).",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("alert-threshold",
            "Score every series of a fault-free recording with the twins' anomaly detector, count the alerts the twins would raise at "
            + "each candidate threshold (0.70 to 0.99), print the curve ('ALERT-THRESHOLD-CURVE ...') and the lowest threshold "
            + "whose 95 % upper bound is within the budget ('ALERT-THRESHOLD chosen=... false_alerts_per_100_twin_days=...').");
        command.Options.Add(recording);
        command.Options.Add(budget);
        command.Options.Add(clear);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(recording)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: no recording at {path}");
                return 2;
            }
            var thresholds = Enumerable.Range(70, 30).Select(i => i / 100.0).ToArray();
            var calibration = new FalseAlarmCalibration(thresholds, parseResult.GetValue(clear));
            var skipped = 0;
            foreach (var (twin, metric, at, value) in TelemetryRecording.Read(path, _ => skipped++))
            {
                calibration.Observe(twin, metric, at, value);
            }
            if (calibration.TwinDays <= 0)
            {
                Console.Error.WriteLine($"error: {path} holds no telemetry spanning any time ({skipped} lines skipped)");
                return 2;
            }
            foreach (var point in calibration.Curve())
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"ALERT-THRESHOLD-CURVE threshold={point.Threshold:0.00} false_alerts={point.Alerts} per_100_twin_days={point.Per100TwinDays:0.###} upper_95={point.UpperPer100TwinDays:0.###}"));
            }
            var chosen = calibration.Choose(parseResult.GetValue(budget));
            var needed = FalseAlarmCalibration.TwinDaysNeeded(parseResult.GetValue(budget));
            if (calibration.TwinDays < needed)
            {
                Console.Error.WriteLine(FormattableString.Invariant(
                    $"warning: {calibration.TwinDays:0.#} twin-days cannot show a rate within the budget even with no alert (needs {needed:0} twin-days: more twins or a longer recording)"));
            }
            Console.WriteLine(FormattableString.Invariant(
                $"ALERT-THRESHOLD chosen={chosen.Threshold:0.00} false_alerts_per_100_twin_days={chosen.Per100TwinDays:0.###} twins={calibration.Twins} series={calibration.SeriesCount} twin_days={calibration.TwinDays:0.##} readings={calibration.Readings} skipped_lines={skipped}"));
            return 0;
        });
        return command;
    }
}
