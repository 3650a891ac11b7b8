using DigitalTwin.Grains.Scenarios.Forking;
using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>The services of a forked subtree and the servers each runs on.</summary>
internal static class ServiceCatalogue
{
    public static IReadOnlyList<PlantService> Read(ForkedSubtree fork) => [];
}
