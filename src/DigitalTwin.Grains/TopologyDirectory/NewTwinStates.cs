using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Health;
using DigitalTwin.Grains.Rollups;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.TopologyDirectory;

/// <summary>
/// The first stored states of the twins an import creates, as the twins themselves would hold them once provisioned,
/// attached and reported to: definition, parent kind, children, and each child's first report with the fingerprint
/// the child keeps of it. Written straight to storage, they let a twin activate lazily on first use instead of being
/// activated one by one to be provisioned; and since a parent already holds its children's reports (computed bottom
/// up with the twins' own rollup code) and each child knows what it last reported, waking one twin wakes neither its
/// children nor its parent, so reading a data centre after a million-twin import does not wake the fleet.
/// </summary>
internal static class NewTwinStates
{
    private static readonly IReadOnlyDictionary<string, MetricValue> NoReadings = new Dictionary<string, MetricValue>();

    /// <summary>
    /// The states of <paramref name="created"/> by id. A twin whose parent is not among them keeps the report its
    /// first tick will send (its parent exists already and asks for it when the child is attached). Twins listed in
    /// <paramref name="provisionedOtherwise"/> get no state (they are provisioned through their grain, for instance
    /// because existing twins move under them), but their reports are still computed for their parents.
    /// </summary>
    public static Dictionary<string, TwinState> Build(
        IReadOnlyList<TwinSpec> created, IReadOnlySet<string> provisionedOtherwise, Func<string, TwinKind?> kindOf,
        TwinOptions options, DateTimeOffset now)
    {
        var children = new Dictionary<string, List<TwinSpec>>(StringComparer.Ordinal);
        var createdIds = created.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in created)
        {
            if (spec.ParentId is null || !createdIds.Contains(spec.ParentId)) continue;
            if (!children.TryGetValue(spec.ParentId, out var list)) children[spec.ParentId] = list = [];
            list.Add(spec);
        }

        // Deepest level first, so every child's report exists when its parent's rollup is computed.
        var reports = new Dictionary<string, ChildReport>(StringComparer.Ordinal);
        var states = new Dictionary<string, TwinState>(StringComparer.Ordinal);
        foreach (var spec in created.OrderByDescending(s => s.Kind.LevelOf()))
        {
            var kids = children.GetValueOrDefault(spec.Id) ?? [];
            var held = new Dictionary<string, ChildReport>(kids.Count, StringComparer.Ordinal);
            foreach (var kid in kids) held[kid.Id] = reports[kid.Id];
            var own = spec.Kind.LevelOf() >= TwinLevel.Asset
                ? HealthAssessment.Assess(spec, NoReadings, [], now, options.StaleAfter).Health
                : HealthStatus.Unknown;
            var result = RollupCalculator.Compute(spec, own, NoReadings, 0, held.Values, now);
            var report = RollupCalculator.Report(spec.Id, spec.Kind, NoReadings, result, kids.Count > 0, options.MaxReportedMetrics);
            reports[spec.Id] = report;
            if (provisionedOtherwise.Contains(spec.Id)) continue;
            states[spec.Id] = new TwinState
            {
                Spec = spec,
                ParentKind = spec.ParentId is null ? null : kindOf(spec.ParentId),
                Children = [.. kids.Select(k => new TwinRef(k.Id, k.Kind))],
                ChildReports = held,
                // Only a twin whose parent holds this report may take it as sent; the others report on their first tick.
                ReportedFingerprint = spec.ParentId is not null && createdIds.Contains(spec.ParentId) && !provisionedOtherwise.Contains(spec.ParentId)
                    ? ReportFingerprint.Of(report)
                    : 0,
            };
        }
        return states;
    }
}
