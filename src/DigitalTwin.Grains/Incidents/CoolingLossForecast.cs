using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Scenarios;

namespace DigitalTwin.Grains.Incidents;

/// <summary>
/// The forecast of a cooling incident: a what-if of the room with its stopped CRACs kept stopped, on the live state
/// forked now, read down to what an operator acts on (which racks reach their limit and when, what runs on them, the
/// mitigation). The scenario is ended as soon as it answered, so a forecast never holds one of the cluster's scenario
/// slots that operators run by hand.
/// </summary>
public static class CoolingLossForecast
{
    /// <summary>The most racks a forecast lists (all are counted).</summary>
    public const int MaxRacks = 10;

    /// <summary>
    /// Runs the what-if <paramref name="scenarioId"/> on <paramref name="roomId"/> with <paramref name="failed"/> stopped.
    /// Null, with the reasons, when the scenario was refused (for example when every scenario slot is taken).
    /// </summary>
    public static async Task<(IncidentForecast? Forecast, string? Refused)> RunAsync(IGrainFactory grains, string scenarioId, string roomId,
        IReadOnlyList<string> failed, DateTimeOffset asOf, TimeSpan horizon, TimeSpan runTimeout)
    {
        var scenario = grains.GetGrain<IScenarioGrain>(scenarioId);
        try
        {
            ScenarioAnswer? answer;
            try
            {
                var outcome = await scenario.RunAsync(new ScenarioRequest(roomId, Fail: failed, HorizonS: horizon.TotalSeconds));
                if (outcome.Answer is null) return (null, string.Join("; ", outcome.Problems.Select(p => p.Message)));
                answer = outcome.Answer;
            }
            catch (TimeoutException)
            {
                // On a loaded silo the run (its calibration reads hours of history) can outlast a call's response
                // timeout while the scenario goes on within its own run timeout: ask for its answer until then.
                answer = await AnswerWhenReadyAsync(scenario, runTimeout);
                if (answer is null) return (null, $"no answer within {runTimeout.TotalSeconds:0} s");
            }
            return (From(answer, roomId, failed, asOf), null);
        }
        finally
        {
            await scenario.EndAsync();
        }
    }

    private static async Task<ScenarioAnswer?> AnswerWhenReadyAsync(IScenarioGrain scenario, TimeSpan runTimeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < runTimeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            try
            {
                if (await scenario.GetAnswerAsync() is { } answer) return answer;
            }
            catch (TimeoutException)
            {
                // Still busy answering.
            }
        }
        return null;
    }

    /// <summary>Reads a what-if's answer down to the forecast.</summary>
    public static IncidentForecast From(ScenarioAnswer answer, string roomId, IReadOnlyList<string> failed, DateTimeOffset asOf)
    {
        var reaching = answer.Racks.Where(r => r.TimeToLimitS is not null)
            .OrderBy(r => r.TimeToLimitS).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RackForecast(r.Id, r.LimitC, Math.Max(0, r.TimeToLimitS!.Value), r.PeakInletC)).ToList();
        var services = answer.Services.Select(s => s.Name is { Length: > 0 } name ? name : s.Id).Order(StringComparer.Ordinal).ToList();
        var mitigation = answer.Mitigation is { } m
            ? m.Action + (m.Checked ? m.Resolves ? " (checked: no rack reaches its limit with it)" : " (checked: not enough on its own)" : "")
            : null;
        var first = reaching.FirstOrDefault();
        return new IncidentForecast(answer.ScenarioId, roomId, failed, asOf, answer.HorizonS, first?.TimeToLimitS, first?.RackId,
            reaching.Take(MaxRacks).ToList(), reaching.Count, answer.AffectedServers.Count, services, mitigation,
            Summary(answer, reaching, failed, services.Count));
    }

    private static string Summary(ScenarioAnswer answer, List<RackForecast> reaching, IReadOnlyList<string> failed, int services)
    {
        var units = string.Join(" and ", failed);
        var horizon = Duration(answer.HorizonS);
        if (reaching.Count == 0)
        {
            var hottest = answer.Racks.OrderByDescending(r => r.PeakInletC).FirstOrDefault();
            return hottest is null
                ? $"With {units} stopped no rack reaches its inlet limit within {horizon}."
                : Invariant($"With {units} stopped no rack reaches its inlet limit within {horizon}; the hottest, {hottest.Id}, peaks at {hottest.PeakInletC:0.0} °C.");
        }
        var first = reaching[0];
        var when = first.TimeToLimitS <= 0 ? Invariant($"is above {first.LimitC:0} °C already") : Invariant($"reaches {first.LimitC:0} °C in {Duration(first.TimeToLimitS)}");
        var more = reaching.Count > 1 ? $", {reaching.Count} racks within {horizon}" : "";
        var hit = answer.AffectedServers.Count > 0
            ? $" ({answer.AffectedServers.Count} servers{(services > 0 ? $", {services} service{(services == 1 ? "" : "s")}" : "")})" : "";
        return $"If {units} stay{(failed.Count == 1 ? "s" : "")} stopped: {first.RackId} {when}{more}{hit}.";
    }

    /// <summary>Seconds in words an operator reads at a glance: "45 s", "3 min 20 s", "1 h 5 min".</summary>
    public static string Duration(double seconds)
    {
        var s = (long)Math.Round(Math.Max(0, seconds));
        if (s < 60) return Invariant($"{s} s");
        if (s < 3600) return s % 60 == 0 ? Invariant($"{s / 60} min") : Invariant($"{s / 60} min {s % 60} s");
        return (s % 3600) / 60 == 0 ? Invariant($"{s / 3600} h") : Invariant($"{s / 3600} h {(s % 3600) / 60} min");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
