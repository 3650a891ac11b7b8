namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>A service with servers among the affected ones: how many of its servers are hit, and whether all are.</summary>
/// <param name="Id">The service twin.</param>
/// <param name="Name">Its name, if it has one.</param>
/// <param name="ServersHit">Its affected servers.</param>
/// <param name="ServersTotal">How many servers it runs on.</param>
/// <param name="Down">Whether every server it runs on is hit (nothing left to run on).</param>
[GenerateSerializer, Immutable, Alias("dt.ServiceImpact")]
public sealed record ServiceImpact(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<string> ServersHit,
    [property: Id(3)] int ServersTotal,
    [property: Id(4)] bool Down);
