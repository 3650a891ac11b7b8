namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// The disaster-recovery view of a scenario: what stops, what keeps running on its redundant path, which services
/// are hit, and the modelled time to recover once the failed assets are back.
/// </summary>
/// <param name="FailedAssets">The assets that fail (named, or on a failed path, or downstream of one).</param>
/// <param name="Stopped">Servers that stop: no live feed, or their rack crosses its inlet limit within the horizon.</param>
/// <param name="OnRedundantPath">Servers that lost a feed but keep running on another path.</param>
/// <param name="ServicesHit">Services with at least one stopped server.</param>
/// <param name="ServicesDown">Services with every server stopped.</param>
/// <param name="RecoveryS">
/// Modelled seconds from restoring the failed assets (at the end of the horizon) until every rack is back within
/// 0.5 °C of the baseline and stopped servers have restarted; 0 when nothing needs recovering.
/// </param>
[GenerateSerializer, Immutable, Alias("dt.DrillReport")]
public sealed record DrillReport(
    [property: Id(0)] IReadOnlyList<string> FailedAssets,
    [property: Id(1)] IReadOnlyList<string> Stopped,
    [property: Id(2)] IReadOnlyList<string> OnRedundantPath,
    [property: Id(3)] IReadOnlyList<string> ServicesHit,
    [property: Id(4)] IReadOnlyList<string> ServicesDown,
    [property: Id(5)] double RecoveryS);
