using DigitalTwin.Evaluation.AlertThresholds;

namespace DigitalTwin.Models.Tests.AlertThresholds;

public sealed class False_alarm_calibration_chooses_the_lowest_threshold_within_budget
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rates_fall_as_the_threshold_rises_and_the_choice_is_the_first_within_budget()
    {
        var calibration = new FalseAlarmCalibration([0.5, 0.7, 0.9, 0.99], clearReadings: 10);
        var random = new Random(1);
        // Ten twins, two days each at one reading a minute; every twin has a few sudden level shifts that any
        // detector notices at a low threshold.
        for (var twin = 0; twin < 10; twin++)
        {
            for (var minute = 0; minute < 2 * 24 * 60; minute++)
            {
                var shift = minute / 700 % 2 == 0 ? 0 : 5;
                calibration.Observe($"twin-{twin}", "temp_c", Start.AddMinutes(minute), 20 + shift + random.NextDouble());
            }
        }

        var curve = calibration.Curve();
        var chosen = calibration.Choose(budgetPer100TwinDays: curve[1].Per100TwinDays);

        Assert.Equal(10, calibration.Twins);
        Assert.InRange(calibration.TwinDays, 19.9, 20.1);
        Assert.True(curve[0].Alerts > 0, "a low threshold alerts on the shifts");
        Assert.Equal(curve.Select(p => p.Alerts).OrderDescending(), curve.Select(p => p.Alerts));
        Assert.Equal(curve[0].Alerts * 100 / calibration.TwinDays, curve[0].Per100TwinDays, 6);
        Assert.Equal(curve.First(p => p.UpperPer100TwinDays <= curve[1].Per100TwinDays).Threshold, chosen.Threshold);
        Assert.All(curve, p => Assert.True(p.UpperPer100TwinDays > p.Per100TwinDays));
    }

    [Fact]
    public void No_alert_in_a_short_recording_does_not_prove_a_quiet_detector()
    {
        var calibration = new FalseAlarmCalibration([0.99], clearReadings: 10);
        for (var minute = 0; minute < 24 * 60; minute++) calibration.Observe("twin-1", "temp_c", Start.AddMinutes(minute), 20);

        var point = Assert.Single(calibration.Curve());

        Assert.Equal(0, point.Alerts);
        // No alert in one twin-day still leaves up to three per twin-day (95 %): 300 per 100 twin-days.
        Assert.Equal(299.8, point.UpperPer100TwinDays, 0.1);
        Assert.Equal(599, FalseAlarmCalibration.TwinDaysNeeded(0.5), 1.0);
    }

    [Fact]
    public void A_recording_line_of_each_payload_shape_yields_its_readings_and_other_topics_are_skipped()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                """{"ts":"2026-11-30T10:00:00Z","topic":"dt/telemetry/srv-1","payload":{"ts":"2026-11-30T10:00:01Z","readings":{"inlet_temp_c":22.5,"power_w":400}}}""",
                """{"ts":1795514400,"topic":"dt/telemetry","payload":{"twins":{"srv-2":{"power_w":398}}}}""",
                """{"ts":1795514400000,"topic":"dt/telemetry","payload":[{"twin":"srv-3","readings":{"fan_rpm":5000}}]}""",
                """{"ts":1795514400,"topic":"sim/faults","payload":{"kind":"crac_failure","target":"crac-a1"}}""",
            ]);
            var skipped = 0;

            var readings = TelemetryRecording.Read(path, _ => skipped++).ToList();

            Assert.Equal(1, skipped);
            Assert.Equal(
                [("srv-1", "inlet_temp_c", 22.5), ("srv-1", "power_w", 400), ("srv-2", "power_w", 398), ("srv-3", "fan_rpm", 5000)],
                readings.Select(r => (r.TwinId, r.Metric, r.Value)));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 1, TimeSpan.Zero), readings[0].At);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795514400), readings[2].At);
            Assert.Equal(readings[2].At, readings[3].At);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
