namespace DigitalTwin.Models.Thermal;

/// <summary>Properties of air at data-hall conditions (about 20–40 °C, sea level).</summary>
public static class Air
{
    /// <summary>Density, kg/m³.</summary>
    public const double DensityKgPerM3 = 1.2;

    /// <summary>Specific heat at constant pressure, J/(kg·K).</summary>
    public const double SpecificHeatJPerKgK = 1005;

    /// <summary>Heat carried by one m³/s of air per kelvin, W/K per (m³/s): ρ·cp.</summary>
    public const double VolumetricHeatCapacity = DensityKgPerM3 * SpecificHeatJPerKgK;
}
