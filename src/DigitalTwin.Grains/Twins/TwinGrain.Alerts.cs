using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
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
    public async Task<Neighbourhood> DescribeNeighboursAsync(string childId, string metric)
    {
        var spec = Spec;
        var siblings = State.Children.Where(c => c.Id != childId).Select(c => _reports.Of(c.Id)).ToArray();
        var values = siblings
            .Where(r => r is not null && r.Metrics.ContainsKey(metric))
            .Select(r => r!.Metrics[metric])
            .ToArray();
        RoomNeighbourhood? room = null;
        // The room's cooling explains the air a rack or server breathes, not a CRAC's own readings (a failed unit's
        // alert would otherwise blame "the room's cooling, not this crac").
        if (spec.Kind == TwinKind.Room && RoomAir.Contains(metric)) room = DescribeRoom(childId);
        else if (spec.Kind == TwinKind.Rack && RoomAir.Contains(metric) && ParentRef is { Kind: TwinKind.Room } parent)
        {
            try
            {
                room = (await Child(parent).DescribeNeighboursAsync(spec.Id, metric).WaitAsync(Options.QueryTimeout)).Room;
            }
            catch (Exception)
            {
                // The rack's own view still stands without the room's.
            }
        }
        return new Neighbourhood(
            spec.Id, spec.Kind, siblings.Length, siblings.Count(r => r?.OpenAlerts > 0),
            values.Length > 0 ? values.Average() : null, values.Length,
            State.Alerts.Count(a => a.State != AlertState.Resolved), room);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, double>> DescribePeerMediansAsync(string childId, IReadOnlyList<string> metrics)
    {
        _ = Spec;
        var peers = State.Children.Where(c => c.Id != childId).Select(c => _reports.Of(c.Id)).OfType<ChildReport>().ToArray();
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var values = peers.Where(r => r.Metrics.ContainsKey(metric)).Select(r => r.Metrics[metric]).Order().ToArray();
            // A median of fewer than three cannot outvote one wrong peer (the drifting sensor itself, seen from a neighbour).
            if (values.Length >= 3) medians[metric] = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }
        return Task.FromResult<IReadOnlyDictionary<string, double>>(medians);
    }

    /// <summary>Air temperatures, whose cause may be the room's cooling rather than the twin that measures them.</summary>
    private static readonly HashSet<string> RoomAir = new(StringComparer.Ordinal) { MetricNames.InletTemperature, MetricNames.OutletTemperature };

    // A supply this far above its setpoint means the unit is not holding it (a saturated or stopped coil).
    private const double SupplyAboveSetpointC = 3;

    private RoomNeighbourhood DescribeRoom(string rackId)
    {
        var reports = State.Children.Where(c => c.Id != rackId).Select(c => _reports.Of(c.Id)).OfType<ChildReport>().ToArray();
        var racks = reports.Where(r => r.Kind == TwinKind.Rack).ToArray();
        var cooling = reports.Where(r => r.Kind == TwinKind.Crac && (r.OpenAlerts > 0 || r.Health >= HealthStatus.Warning
                || r.Metrics.TryGetValue(MetricNames.SupplyTemperature, out var supply) && r.Metrics.TryGetValue(MetricNames.Setpoint, out var setpoint) && supply - setpoint > SupplyAboveSetpointC
                || r.Metrics.TryGetValue(MetricNames.Power, out var power) && power <= 0))
            .Select(r => r.ChildId).Order(StringComparer.Ordinal).ToArray();
        return new RoomNeighbourhood(Spec.Id, racks.Length, racks.Count(r => r.OpenAlerts > 0), cooling);
    }
}
