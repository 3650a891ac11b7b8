using DigitalTwin.Abstractions.Health;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// A twin's alerts as the watches see them: the stored ones in the state, and newly raised ones waiting in
/// <see cref="Raised"/> for their explanation. Every watch finds, raises, updates and resolves alerts through it, so
/// an alert raised and cleared within one batch never reaches the state open. Lookups are plain loops: they run on
/// the reading path and must not allocate.
/// </summary>
public sealed class AlertBook(TwinOptions options)
{
    /// <summary>Alerts raised since the last <see cref="TakeRaised"/>, not yet explained and stored.</summary>
    public List<TwinAlert> Raised { get; } = [];

    /// <summary>The open alert of <paramref name="kind"/> on <paramref name="metric"/>, in the state or waiting; null when none.</summary>
    public TwinAlert? FindOpen(TwinState state, AlertKind kind, string metric)
    {
        var (list, at) = Locate(state, kind, metric);
        return at < 0 ? null : list[at];
    }

    /// <summary>Queues a new alert; it is stored once explained.</summary>
    public void Raise(TwinAlert alert) => Raised.Add(alert);

    /// <summary>Replaces the open alert of <paramref name="kind"/> on <paramref name="metric"/>; false when there is none.</summary>
    public bool Update(TwinState state, AlertKind kind, string metric, Func<TwinAlert, TwinAlert> change)
    {
        var (list, at) = Locate(state, kind, metric);
        if (at < 0) return false;
        list[at] = change(list[at]);
        return true;
    }

    /// <summary>
    /// Resolves the open alert of <paramref name="kind"/> on <paramref name="metric"/>. An alert still waiting for its
    /// explanation is stored resolved, so the record of the episode is kept. False when there is none.
    /// </summary>
    public bool Resolve(TwinState state, AlertKind kind, string metric, DateTimeOffset at) =>
        Update(state, kind, metric, a => a with { State = AlertState.Resolved, ResolvedAt = at, LastSeen = at > a.LastSeen ? at : a.LastSeen });

    /// <summary>Takes the waiting alerts out, to be explained and stored.</summary>
    public TwinAlert[] TakeRaised()
    {
        var raised = Raised.ToArray();
        Raised.Clear();
        return raised;
    }

    /// <summary>Stores an explained alert, dropping the oldest resolved ones (then the oldest of all) beyond the bound.</summary>
    public void Store(TwinState state, TwinAlert alert)
    {
        state.Alerts.Add(alert);
        while (state.Alerts.Count > Math.Max(1, options.MaxAlerts))
        {
            var resolved = state.Alerts.FindIndex(a => a.State == AlertState.Resolved);
            state.Alerts.RemoveAt(resolved >= 0 ? resolved : 0);
        }
    }

    private (List<TwinAlert> List, int At) Locate(TwinState state, AlertKind kind, string metric)
    {
        var at = IndexOfOpen(Raised, kind, metric);
        if (at >= 0) return (Raised, at);
        return (state.Alerts, IndexOfOpen(state.Alerts, kind, metric));
    }

    private static int IndexOfOpen(List<TwinAlert> alerts, AlertKind kind, string metric)
    {
        for (var i = 0; i < alerts.Count; i++)
        {
            var a = alerts[i];
            if (a.AlertKind == kind && a.State != AlertState.Resolved && string.Equals(a.Metric, metric, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
