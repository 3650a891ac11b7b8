using DigitalTwin.Abstractions.Scenarios;

namespace DigitalTwin.Scenarios.Tests.Support;

/// <summary>Runs a scenario to its answer and ends it, so tests never hold a slot longer than they need.</summary>
public static class ScenarioRuns
{
    public static async Task<ScenarioAnswer> AnswerAsync(IGrainFactory grains, ScenarioRequest request)
    {
        var grain = grains.GetGrain<IScenarioGrain>("s-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var outcome = await grain.RunAsync(request);
            Assert.True(outcome.Ran, string.Join("; ", outcome.Problems));
            return outcome.Answer!;
        }
        finally
        {
            await grain.EndAsync();
        }
    }

    public static double Peak(this ScenarioAnswer answer) => answer.Racks.Max(r => r.PeakInletC);

    /// <summary>The hottest rack inlet at the end of the horizon, once a change has settled (the peak of a change that
    /// cools is the moment before it acts).</summary>
    public static double Settled(this ScenarioAnswer answer) => answer.Racks.Max(r => r.Series[^1]);

    public static RackOutcome Rack(this ScenarioAnswer answer, string id) => answer.Racks.Single(r => r.Id == id);

    public static FeedOutcome Feed(this ScenarioAnswer answer, string id) => answer.Feeds.Single(f => f.Id == id);
}
