namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A service and the servers it runs on.</summary>
internal sealed record PlantService(string Id, string? Name, IReadOnlyList<string> RunsOn);
