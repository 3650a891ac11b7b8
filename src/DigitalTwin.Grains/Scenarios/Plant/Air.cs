namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>Properties of air near room conditions.</summary>
internal static class Air
{
    /// <summary>kg/m³.</summary>
    public const double Density = 1.2;

    /// <summary>J/(kg·K).</summary>
    public const double SpecificHeat = 1005;
}
