using DigitalTwin.Models.Maintenance;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Tests.Maintenance;

public class MaintenanceAdvisorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly MaintenanceAdvisor _advisor = new();

    [Fact]
    public void Failure_within_two_days_asks_to_replace_before_the_earliest_plausible_failure()
    {
        var forecast = Forecast(probability: 0.9, ttf: 36, low: 30, high: 44);

        var advice = _advisor.Advise("fan", [forecast], openAnomalies: 0, Now);

        Assert.Equal(MaintenanceUrgency.Urgent, advice.Urgency);
        Assert.Equal("Replace fan within 30 hours", advice.Action);
        Assert.Equal(Now.AddHours(30), advice.MaintainBy);
        Assert.Contains(advice.Evidence, e => e.Contains("trend"));
    }

    [Fact]
    public void Failure_within_a_week_books_maintenance()
    {
        var advice = _advisor.Advise("crac", [Forecast(probability: 0.1, ttf: 24 * 6, low: 24 * 5, high: 24 * 8)], 0, Now);

        Assert.Equal(MaintenanceUrgency.Schedule, advice.Urgency);
        Assert.Equal("Schedule crac maintenance within 5 days", advice.Action);
        Assert.Equal(Now.AddDays(5), advice.MaintainBy);
    }

    [Fact]
    public void Failure_weeks_away_goes_into_the_plan_and_months_away_needs_nothing()
    {
        var weeks = _advisor.Advise("ups", [Forecast(0.0, 24 * 25, 24 * 20, 24 * 30)], 0, Now);
        var months = _advisor.Advise("ups", [Forecast(0.0, 24 * 120, 24 * 90, 24 * 150)], 0, Now);

        Assert.Equal("Plan ups maintenance within 20 days", weeks.Action);
        Assert.Equal(MaintenanceUrgency.None, months.Urgency);
        Assert.Equal("No action", months.Action);
        Assert.Null(months.MaintainBy);
    }

    [Fact]
    public void Nothing_in_sight_and_no_anomalies_means_no_action()
    {
        var quiet = new FailureForecast(0.01, TimeSpan.FromHours(48), null, null, null, "temp_c steady");

        var advice = _advisor.Advise("psu", [quiet], openAnomalies: 0, Now);

        Assert.Equal(MaintenanceUrgency.None, advice.Urgency);
        Assert.Equal("No action", advice.Action);
        Assert.Null(advice.MaintainBy);
        Assert.Contains(advice.Evidence, e => e.StartsWith("temp_c steady"));
    }

    [Fact]
    public void Repeated_anomalies_without_a_forecast_ask_for_an_inspection()
    {
        var advice = _advisor.Advise("disk", [], openAnomalies: 3, Now);

        Assert.Equal(MaintenanceUrgency.Schedule, advice.Urgency);
        Assert.Equal("Inspect disk within 7 days", advice.Action);
        Assert.Equal(Now.AddDays(7), advice.MaintainBy);
        Assert.Contains("3 open anomalies", advice.Evidence);
    }

    [Fact]
    public void Likely_failure_within_the_horizon_counts_even_without_a_time_to_failure()
    {
        var advice = _advisor.Advise("server", [new FailureForecast(0.7, TimeSpan.FromHours(24), null, null, null, "temp_c near limit")], 0, Now);

        Assert.Equal(MaintenanceUrgency.Urgent, advice.Urgency);
        Assert.Equal("Service server within 24 hours", advice.Action);
    }

    [Fact]
    public void Metric_already_past_its_threshold_needs_action_now()
    {
        var advice = _advisor.Advise("fan", [Forecast(1.0, 0, 0, 0)], 1, Now);

        Assert.Equal(MaintenanceUrgency.Immediate, advice.Urgency);
        Assert.Equal("Replace fan now", advice.Action);
        Assert.Equal(Now, advice.MaintainBy);
    }

    [Fact]
    public void Tracker_and_advisor_together_flag_a_failing_fan()
    {
        var tracker = new DegradationTracker(TimeSpan.FromDays(1), "fan_rpm");
        var random = new Random(11);
        // 8,000 rpm losing 50 rpm per hour; below 6,000 rpm counts as failed, 40 h in: 16 h after these 24 h.
        for (var minute = 0; minute <= 24 * 60; minute += 5)
            tracker.Observe(Now.AddMinutes(minute - 24 * 60), 8000 - 50 * (minute / 60.0) + 30 * (random.NextDouble() - 0.5));

        var advice = _advisor.Advise("fan", [tracker.Forecast(6000, DegradationDirection.Falling, TimeSpan.FromHours(48))], 0, Now);

        Assert.Equal(MaintenanceUrgency.Urgent, advice.Urgency);
        Assert.StartsWith("Replace fan within 1", advice.Action);
        Assert.InRange(advice.MaintainBy!.Value, Now.AddHours(14), Now.AddHours(16.5));
    }

    private static FailureForecast Forecast(double probability, double ttf, double low, double high) =>
        new(probability, TimeSpan.FromHours(48), TimeSpan.FromHours(ttf), TimeSpan.FromHours(low), TimeSpan.FromHours(high), "fan_rpm falling trend");
}
