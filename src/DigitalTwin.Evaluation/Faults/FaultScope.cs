namespace DigitalTwin.Evaluation.Faults;

/// <summary>
/// What one injected fault may show on the twin, read from the topology: which alerts detect it, which alerts it
/// explains (so they are not false), and which probable cause an incident should name for it.
/// </summary>
/// <param name="Fault">The fault.</param>
/// <param name="DetectionRoots">Subtrees whose alerts detect the fault (for sensor faults, only alerts on <see cref="DetectionMetric"/>).</param>
/// <param name="DetectionMetric">For a sensor fault, the metric an alert must be about to detect it; null: any metric.</param>
/// <param name="AttributionRoots">Subtrees whose alerts the fault explains while it lasts (and for a settling time after).</param>
/// <param name="ExpectedCause">The cause an incident should name (wire name).</param>
/// <param name="AcceptedCauseTwins">Twins an incident may name as the cause.</param>
/// <param name="Part">For a degradation, the part whose prediction counts (the fan or disk); null otherwise.</param>
public sealed record FaultScope(
    InjectedFault Fault,
    IReadOnlyList<string> DetectionRoots,
    string? DetectionMetric,
    IReadOnlyList<string> AttributionRoots,
    string ExpectedCause,
    IReadOnlySet<string> AcceptedCauseTwins,
    string? Part)
{
    /// <summary>The scope of <paramref name="fault"/> in <paramref name="plant"/>; roots the plant does not know are left out.</summary>
    public static FaultScope Of(InjectedFault fault, PlantMap plant)
    {
        var targets = fault.Target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(plant.Contains).ToList();
        string[] Up(string kind) => [.. targets.Select(t => plant.Enclosing(t, kind)).OfType<string>().Distinct()];
        HashSet<string> Set(IEnumerable<string> ids) => new(ids, StringComparer.Ordinal);
        var servers = Up("server");
        var racks = Up("rack");
        var rooms = Up("room");
        return fault.Kind switch
        {
            // A CRAC that stops warms its whole room.
            "crac_failure" => new(fault, rooms, null, rooms, "cooling", Set(targets), null),
            "psu_failure" => new(fault, servers, null, servers, "hardware", Set(targets), null),
            // A blocked air path heats its server; its exhaust can reach the rack's other servers.
            "hot_spot" => new(fault, servers, null, racks, "airflow", Set([.. servers, .. racks]), null),
            // More work heats the rack, and through the room's air its neighbours and CRACs.
            "workload_spike" => new(fault, targets, null, rooms,
                "workload", Set([.. targets, .. targets.SelectMany(plant.ChildrenOf).Where(c => plant.KindOf(c) == "server")]), null),
            "stuck_sensor" or "drifting_sensor" => new(fault, targets, fault.Metric ?? "inlet_temp_c", servers.Length > 0 ? servers : targets, "sensor", Set(targets), null),
            "fan_failure" or "disk_degradation" => new(fault, servers, null, servers, "hardware", Set(targets), targets.FirstOrDefault()),
            // Power faults (PDU, UPS, feed) reach whatever hangs below their target.
            _ => new(fault, targets, null, rooms.Length > 0 ? rooms : targets, "power", Set(targets), null),
        };
    }

    /// <summary>Whether <paramref name="alert"/> is one of those that detect the fault (its time is judged elsewhere).</summary>
    public bool Detects(ObservedAlert alert, PlantMap plant) =>
        (DetectionMetric is null || string.Equals(alert.Metric, DetectionMetric, StringComparison.Ordinal))
        && (DetectionMetric is null ? DetectionRoots.Any(r => plant.IsWithin(alert.TwinId, r)) : DetectionRoots.Contains(alert.TwinId));

    /// <summary>Whether the fault explains an alert on <paramref name="twinId"/> (its time is judged elsewhere).</summary>
    public bool Explains(string twinId, PlantMap plant) => AttributionRoots.Any(r => plant.IsWithin(twinId, r));
}
