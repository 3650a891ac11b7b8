using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Rollups;

/// <summary>
/// The latest report of each child. Reports travel one-way and may overtake each other, so an older report never
/// replaces a newer one; reports from twins that are not (or no longer) children are ignored.
/// </summary>
public sealed class ChildReportBook
{
    private readonly Dictionary<string, ChildReport> _reports = new(StringComparer.Ordinal);

    /// <summary>Whether a report arrived or a child left since <see cref="Consume"/> was last called.</summary>
    public bool Changed { get; private set; }

    /// <summary>The latest reports.</summary>
    public IEnumerable<ChildReport> Reports => _reports.Values;

    /// <summary>The latest report of one child, if any.</summary>
    public ChildReport? Of(string childId) => _reports.GetValueOrDefault(childId);

    /// <summary>Keeps <paramref name="report"/> unless a newer one of the same child is already held.</summary>
    public void Accept(ChildReport report)
    {
        if (_reports.TryGetValue(report.ChildId, out var held) && held.AsOf > report.AsOf) return;
        _reports[report.ChildId] = report;
        Changed = true;
    }

    /// <summary>Forgets a child that left.</summary>
    public void Forget(string childId)
    {
        if (_reports.Remove(childId)) Changed = true;
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
