namespace DataCentreSimulator.Physics;

/// <summary>Properties of air at data-centre conditions (see the shared WHATIF-FACTS: ρ ≈ 1.2 kg/m³, cp ≈ 1005 J/(kg·K)).</summary>
internal static class Air
{
    /// <summary>Density, kg/m³.</summary>
    public const double Density = 1.2;

    /// <summary>Specific heat at constant pressure, J/(kg·K).</summary>
    public const double SpecificHeat = 1005;

    /// <summary>Heat capacity of <paramref name="volumeM3"/> of air, J/K.</summary>
    public static double HeatCapacity(double volumeM3) => volumeM3 * Density * SpecificHeat;

    /// <summary>
    /// Moves <paramref name="temperature"/> towards <paramref name="equilibrium"/> over <paramref name="dt"/> seconds
    /// for a node of heat capacity <paramref name="capacity"/> (J/K) coupled by <paramref name="conductance"/> (W/K):
    /// the exact solution of a linear node with its inputs held over the step, so it is stable for any step.
    /// </summary>
    public static double Relax(double temperature, double equilibrium, double capacity, double conductance, double dt) =>
        conductance <= 0 ? temperature : equilibrium + (temperature - equilibrium) * Math.Exp(-dt * conductance / capacity);
}
