namespace DigitalTwin.Evaluation.Faults;

/// <summary>A fault the simulator injected, as its ground truth records it.</summary>
/// <param name="Id">The fault's id in the truth file.</param>
/// <param name="Kind">Its kind (<c>crac_failure</c>, <c>fan_failure</c>, …).</param>
/// <param name="Target">The twin it struck (for a workload spike a rack, a service or a comma-separated list of servers).</param>
/// <param name="Start">When it began, simulated time.</param>
/// <param name="FailAt">For a degradation, when its part fails.</param>
/// <param name="End">When it ended; null while it lasts.</param>
/// <param name="Metric">For a sensor fault, the reading it corrupts.</param>
public sealed record InjectedFault(string Id, string Kind, string Target, DateTimeOffset Start, DateTimeOffset? FailAt, DateTimeOffset? End, string? Metric)
{
    /// <summary>Fault kinds that wear a part down over time before it fails: the twin should predict them.</summary>
    public static readonly IReadOnlySet<string> DegradationKinds = new HashSet<string>(StringComparer.Ordinal) { "fan_failure", "disk_degradation" };

    /// <summary>Whether this fault builds up before its part fails (it has a failure instant later than its start).</summary>
    public bool IsDegradation => DegradationKinds.Contains(Kind) && FailAt is { } failAt && failAt > Start;
}
