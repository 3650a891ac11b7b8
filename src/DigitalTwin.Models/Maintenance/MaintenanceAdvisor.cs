using System.Globalization;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Maintenance;

/// <summary>
/// Turns failure forecasts and open anomalies into one recommendation. The earliest plausible failure decides: the
/// low end of a forecast's time-to-failure interval (or the end of its horizon when failure within it is likely),
/// because maintenance must land before the failure, not on its most likely date. Stateless and cheap: call it
/// whenever a forecast changes.
/// </summary>
public sealed class MaintenanceAdvisor(MaintenancePolicy? policy = null)
{
    private readonly MaintenancePolicy _policy = policy ?? new MaintenancePolicy();

    /// <summary>Advises on one component or asset.</summary>
    /// <param name="kind">The component or asset kind, e.g. <c>fan</c>, <c>psu</c>, <c>crac</c>; used in the wording.</param>
    /// <param name="forecasts">Forecasts for the twin's tracked metrics (may be empty).</param>
    /// <param name="openAnomalies">Anomalies raised on the twin and not yet cleared.</param>
    /// <param name="now">The time the advice is given; deadlines count from it.</param>
    public MaintenanceAdvice Advise(string kind, IReadOnlyList<FailureForecast> forecasts, int openAnomalies, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentOutOfRangeException.ThrowIfNegative(openAnomalies);

        var evidence = new List<string>();
        TimeSpan? lead = null;
        foreach (var forecast in forecasts)
        {
            // Every trend is evidence, including the quiet ones: they are why the answer may be "No action".
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{forecast.Trend} (P(failure within {Words(forecast.Horizon)}) = {forecast.ProbabilityWithinHorizon:0.00})"));
            var candidate = EarliestPlausibleFailure(forecast);
            if (candidate is not null && (lead is null || candidate < lead)) lead = candidate;
        }
        if (openAnomalies > 0) evidence.Add($"{openAnomalies} open {(openAnomalies == 1 ? "anomaly" : "anomalies")}");

        var urgency = lead switch
        {
            null => MaintenanceUrgency.None,
            { } l when l <= TimeSpan.Zero => MaintenanceUrgency.Immediate,
            { } l when l <= _policy.UrgentWindow => MaintenanceUrgency.Urgent,
            { } l when l <= _policy.ScheduleWindow => MaintenanceUrgency.Schedule,
            { } l when l <= _policy.PlanWindow => MaintenanceUrgency.Plan,
            _ => MaintenanceUrgency.None,
        };
        // Repeated anomalies are evidence in their own right: they bring a planned job forward, or ask for an inspection.
        var inspect = openAnomalies >= _policy.AnomaliesForInspection && urgency <= MaintenanceUrgency.Plan;
        if (inspect) urgency = MaintenanceUrgency.Schedule;

        var verb = _policy.ReplaceableKinds.Contains(kind) ? "Replace" : "Service";
        var window = urgency switch
        {
            MaintenanceUrgency.Immediate => TimeSpan.Zero,
            MaintenanceUrgency.Urgent => Min(lead!.Value, _policy.UrgentWindow),
            MaintenanceUrgency.Schedule => lead is { } l && l <= _policy.ScheduleWindow ? l : _policy.ScheduleWindow,
            MaintenanceUrgency.Plan => lead!.Value,
            _ => (TimeSpan?)null,
        };
        var action = urgency switch
        {
            MaintenanceUrgency.None => "No action",
            MaintenanceUrgency.Immediate => $"{verb} {kind} now",
            MaintenanceUrgency.Urgent => $"{verb} {kind} within {Words(window!.Value)}",
            MaintenanceUrgency.Schedule when inspect => $"Inspect {kind} within {Words(window!.Value)}",
            MaintenanceUrgency.Schedule => $"Schedule {kind} maintenance within {Words(window!.Value)}",
            _ => $"Plan {kind} maintenance within {Words(window!.Value)}",
        };
        return new MaintenanceAdvice(urgency, action, window is { } w ? now + w : null, evidence);
    }

    private TimeSpan? EarliestPlausibleFailure(FailureForecast forecast)
    {
        TimeSpan? earliest = forecast.TimeToFailureLow ?? forecast.TimeToFailure;
        if (forecast.ProbabilityWithinHorizon >= _policy.ActionProbability && (earliest is null || forecast.Horizon < earliest))
            earliest = forecast.Horizon;
        return earliest;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Whole units, rounded down so that the words never promise more time than there is.
    private static string Words(TimeSpan span)
    {
        if (span >= TimeSpan.FromDays(3))
        {
            var days = (int)Math.Floor(span.TotalDays);
            return $"{days} days";
        }
        if (span >= TimeSpan.FromHours(2)) return $"{(int)Math.Floor(span.TotalHours)} hours";
        var minutes = Math.Max(1, (int)Math.Floor(span.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
