using DigitalTwin.Grains.Scenarios.Forking;
using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>The services of the data centre and the servers each runs on (<c>runsOn</c>), as the fork read them.</summary>
internal static class ServiceCatalogue
{
    public static IReadOnlyList<PlantService> Read(ForkedSubtree fork) =>
        fork.Services.Where(s => s.RunsOn is { Count: > 0 }).Select(s => new PlantService(s.Id, s.Name, s.RunsOn!)).ToList();
}
