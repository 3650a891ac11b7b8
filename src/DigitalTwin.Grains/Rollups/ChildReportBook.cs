using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Rollups;

/// <summary>
/// The latest report of each child, kept in the twin's persisted state (<see cref="Twins.TwinState.ChildReports"/>)
/// so a parent that wakes has its children's reports without waking them. Reports travel one-way and may overtake
/// each other, so an older report never replaces a newer one; reports from twins that are not (or no longer) children
/// are ignored.
/// </summary>
public sealed class ChildReportBook
{
    private Dictionary<string, ChildReport> _reports = new(StringComparer.Ordinal);

    /// <summary>Whether a report arrived or a child left since <see cref="Consume"/> was last called.</summary>
    public bool Changed { get; private set; }

    /// <summary>The latest reports.</summary>
    public IEnumerable<ChildReport> Reports => _reports.Values;

    /// <summary>Keeps the reports in <paramref name="reports"/> (the twin's state) from now on.</summary>
    public void Use(Dictionary<string, ChildReport> reports)
    {
        _reports = reports;
        Changed = true;
    }

    /// <summary>Whether a report of <paramref name="childId"/> is held.</summary>
    public bool Holds(string childId) => _reports.ContainsKey(childId);

    /// <summary>The latest report of one child, if any.</summary>
    public ChildReport? Of(string childId) => _reports.GetValueOrDefault(childId);

    /// <summary>Keeps <paramref name="report"/> unless a newer one of the same child is already held; returns whether it was kept.</summary>
    public bool Accept(ChildReport report)
    {
        if (_reports.TryGetValue(report.ChildId, out var held) && held.AsOf > report.AsOf) return false;
        _reports[report.ChildId] = report;
        Changed = true;
        return true;
    }

    /// <summary>Forgets a child that left; returns whether a report was held.</summary>
    public bool Forget(string childId)
    {
        if (!_reports.Remove(childId)) return false;
        Changed = true;
        return true;
    }

    /// <summary>Forgets every child.</summary>
    public void Clear()
    {
        _reports.Clear();
        Changed = true;
    }

    /// <summary>Returns whether anything changed, and resets the flag.</summary>
    public bool Consume()
    {
        var changed = Changed;
        Changed = false;
        return changed;
    }
}
