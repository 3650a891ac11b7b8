using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// One server over one step: fans speed up with load and with warm inlet air; the air through the server is
/// P = ṁ·cp·ΔT at equilibrium, but the chassis stores heat first (a lumped capacitance with an effectiveness), so
/// outlet temperature follows a change in load or inlet over minutes, not at once.
/// </summary>
internal static class ServerThermals
{
    private const double FanTimeConstantS = 10;
    /// <summary>Heat the chassis loses with no fan running (natural convection), W/K.</summary>
    private const double StillAirConductance = 3;
    /// <summary>A blocked server gets this share of its normal airflow.</summary>
    private const double BlockedAirflowShare = 0.45;
    /// <summary>Inlet above which a server protects itself by shutting down, and below which it comes back, °C.</summary>
    public const double TripInletC = 45, ResetInletC = 35;

    /// <summary>Sets fan speed and airflow for the step from the server's state at its start.</summary>
    public static void Breathe(Server server, double dt)
    {
        if (!server.Running)
        {
            server.AirflowKgS = 0;
            return;
        }
        var target = Math.Clamp(0.35 + 0.25 * server.Utilisation + 0.06 * Math.Max(0, server.InletC - 24), 0.3, 1);
        server.FanFraction = Air.Relax(server.FanFraction, target, FanTimeConstantS, 1, dt);
        // Each fan moves its share; a worn fan moves less and a stopped one nothing (the others do not make it up).
        var fans = server.Fans.Count == 0 ? 1 : server.Fans.Sum(f => f.Failed ? 0 : 1 - f.Wear) / server.Fans.Count;
        server.AirflowKgS = server.MaxAirflowKgS * server.FanFraction * fans * (server.AirflowBlocked ? BlockedAirflowShare : 1);
    }

    /// <summary>Advances the chassis temperature and sets the outlet, given the inlet air of this step.</summary>
    public static void Heat(Server server, double inletC, double dt)
    {
        server.InletC = inletC;
        var airConductance = Server.Effectiveness * server.AirflowKgS * Air.SpecificHeat;
        var conductance = airConductance + StillAirConductance;
        var equilibrium = inletC + server.PowerW / conductance;
        server.MassC = Air.Relax(server.MassC, equilibrium, server.HeatCapacity, conductance, dt);
        // Still-air losses leave by the same air path, so all the heat the chassis gives up ends in the exhaust.
        var toAir = conductance * (server.MassC - inletC);
        server.OutletC = server.AirflowKgS > 0 ? inletC + toAir / (server.AirflowKgS * Air.SpecificHeat) : inletC;

        if (!server.ThermalTrip && inletC > TripInletC) server.ThermalTrip = true;
        else if (server.ThermalTrip && inletC < ResetInletC) server.ThermalTrip = false;
    }
}
