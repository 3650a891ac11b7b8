namespace DataCentreSimulator.Faults;

/// <summary>
/// One fault to inject, as a schedule file, <c>--fault-at</c> or the <c>sim/faults</c> topic gives it.
/// </summary>
/// <param name="Kind">One of <see cref="FaultKinds.All"/>.</param>
/// <param name="Target">The twin it strikes (a CRAC, fan, PSU, disk, server, PDU, UPS); for a workload spike a
/// comma-separated list of servers, a rack or a service; for a feed failure a path label (A, B) or a UPS.</param>
/// <param name="AtS">Simulated seconds after the start when it begins.</param>
/// <param name="DurationS">How long a sudden fault lasts; null: until the run ends (or a clear on <c>sim/faults</c>).</param>
/// <param name="RampS">For degradations: how long from first sign to failure; 0 or null fails at once.</param>
/// <param name="Metric">For sensor faults: which reading (default: the twin's main temperature).</param>
/// <param name="Magnitude">Spike size in utilisation points (default 45); drift rate in units per hour (default 2).</param>
/// <param name="EveryS">Repeat the fault at this period (the demo's recurring hot spot).</param>
internal sealed record FaultSpec(
    string Kind,
    string Target,
    double AtS,
    double? DurationS = null,
    double? RampS = null,
    string? Metric = null,
    double? Magnitude = null,
    double? EveryS = null);
