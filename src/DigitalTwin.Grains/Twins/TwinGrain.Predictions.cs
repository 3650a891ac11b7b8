using DigitalTwin.Abstractions.Health;
using DigitalTwin.Grains.Predictions;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    /// <summary>The twin's own failure prediction; containers have none.</summary>
    protected virtual MaintenancePrediction? OwnPrediction() => null;

    /// <summary>The twin's own prediction when it must consult others to make it (a part compared with its siblings).</summary>
    protected virtual Task<MaintenancePrediction?> OwnPredictionAsync() => Task.FromResult(OwnPrediction());

    /// <inheritdoc />
    public virtual Task<WearTrendReport?> DescribeWearTrendAsync(string metric) => Task.FromResult<WearTrendReport?>(null);

    /// <inheritdoc />
    public async Task<IReadOnlyList<WearTrendReport>> DescribeSiblingWearAsync(string childId, string metric)
    {
        _ = Spec;
        var trends = await Task.WhenAll(State.Children.Where(c => c.Id != childId).Select(async child =>
        {
            try
            {
                return await Child(child).DescribeWearTrendAsync(metric).WaitAsync(Options.QueryTimeout);
            }
            catch (Exception)
            {
                return null;
            }
        }));
        return trends.OfType<WearTrendReport>().ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenancePrediction>> CollectPredictionsAsync(int top, TimeSpan budget)
    {
        _ = Spec;
        var childBudget = budget * 0.8;
        var below = await Task.WhenAll(State.Children.Select(async child =>
        {
            try
            {
                return await Child(child).CollectPredictionsAsync(top, childBudget).WaitAsync(budget);
            }
            catch (Exception)
            {
                return [];
            }
        }));
        return Rank(below.SelectMany(p => p).Concat(await OwnPredictionAsync() is { } own ? [own] : []), top);
    }

    /// <summary>Highest failure probability first, then soonest failure, then id.</summary>
    protected static MaintenancePrediction[] Rank(IEnumerable<MaintenancePrediction> predictions, int top) =>
        predictions
            .OrderByDescending(p => p.FailureProbability)
            .ThenBy(p => p.TimeToFailure ?? TimeSpan.MaxValue)
            .ThenBy(p => p.TwinId, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, 1000))
            .ToArray();
}
