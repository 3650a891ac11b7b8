using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>The cooling loop with the silo's own optimiser (<see cref="ModelCoolingOptimiser"/>), as a real silo runs it.</summary>
public sealed class ModelCoolingFixture : CoolingClusterFixture
{
    /// <inheritdoc />
    protected override ICoolingOptimiser? Replacement => null;
}
