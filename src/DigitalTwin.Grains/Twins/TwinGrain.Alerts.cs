using DigitalTwin.Abstractions.Health;
using DigitalTwin.Grains.Alerts;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    /// <summary>At most this many alerts are returned from one subtree.</summary>
    private const int MaxAlertsReturned = 1000;

    /// <summary>
    /// The twin's own alerts and its subtree's. Only children whose latest report counts open alerts are asked
    /// (all children when resolved alerts are wanted), in parallel; a child that does not answer in time is skipped.
    /// </summary>
    public async Task<IReadOnlyList<TwinAlert>> GetAlertsAsync(bool includeResolved = false)
    {
        _ = Spec;
        var own = State.Alerts.Where(a => includeResolved || a.State != AlertState.Resolved).ToList();
        var asked = State.Children.Where(c => includeResolved || _reports.Of(c.Id)?.OpenAlerts > 0).ToArray();
        var below = await Task.WhenAll(asked.Select(async child =>
        {
            try
            {
                return await Twin(child).GetAlertsAsync(includeResolved).WaitAsync(Options.QueryTimeout);
            }
            catch (Exception)
            {
                return [];
            }
        }));
        return own.Concat(below.SelectMany(b => b))
            .OrderByDescending(a => a.LastSeen)
            .ThenBy(a => a.TwinId, StringComparer.Ordinal)
            .Take(MaxAlertsReturned)
            .ToArray();
    }

    /// <inheritdoc />
    public Task<Neighbourhood> DescribeNeighboursAsync(string childId, string metric)
    {
        var spec = Spec;
        var siblings = State.Children.Where(c => c.Id != childId).Select(c => _reports.Of(c.Id)).ToArray();
        var values = siblings
            .Where(r => r is not null && r.Metrics.ContainsKey(metric))
            .Select(r => r!.Metrics[metric])
            .ToArray();
        return Task.FromResult(new Neighbourhood(
            spec.Id, spec.Kind, siblings.Length, siblings.Count(r => r?.OpenAlerts > 0),
            values.Length > 0 ? values.Average() : null, values.Length,
            State.Alerts.Count(a => a.State != AlertState.Resolved)));
    }
}
