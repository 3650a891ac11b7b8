using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// One CRAC over one step. The unit cools its return air towards its setpoint as far as its coil allows; the coil's
/// capacity grows with return temperature (more driving difference to the refrigerant) and with airflow, so a unit
/// that is short of capacity cannot hold its setpoint and its supply air warms. Fan power follows the cube of speed
/// (affinity laws); the compressor's efficiency improves by a few percent per kelvin of warmer supply air.
/// </summary>
internal static class CracPhysics
{
    /// <summary>Refrigerant evaporating temperature the capacity is measured from, °C.</summary>
    private const double EvaporatorC = 6;
    /// <summary>How fast the supply air follows the coil (valve and coil response), s.</summary>
    private const double SupplyTimeConstantS = 30;
    /// <summary>Coefficient of performance at 18 °C supply.</summary>
    private const double NominalCop = 3.0;
    /// <summary>Efficiency gained per kelvin of warmer supply air (the "few percent per K" rule).</summary>
    private const double CopGainPerK = 0.035;

    /// <summary>How fast a running fan's drive follows a new speed, s (EC and VFD drives ramp over seconds).</summary>
    private const double FanRampS = 5;
    /// <summary>Speed below which a coasting fan stops, fraction of rated.</summary>
    private const double StillSpeed = 0.01;

    public static void Step(Crac crac, double returnC, double dt)
    {
        crac.ReturnC = returnC;
        var aim = crac.Failed ? 0 : crac.FanPct / 100;
        // A large plug fan's rotor keeps turning unpowered when its unit stops (Crac.FanCoastDownS, rated per unit).
        var settle = crac.Failed ? crac.FanCoastDownS : FanRampS;
        crac.Speed = settle > 0 ? Air.Relax(crac.Speed, aim, settle, 1, dt) : aim;
        // Bearing friction stops a coasting rotor outright once it is slow.
        if (crac.Failed && crac.Speed < StillSpeed) crac.Speed = 0;
        if (crac.Failed)
        {
            // A stopped unit's coasting fan still pushes air over a coil that warms towards the return air.
            crac.SupplyC = Air.Relax(crac.SupplyC, returnC, 1, 1.0 / SupplyTimeConstantS, dt);
            crac.CoolingW = Math.Max(0, crac.AirflowM3S * Air.Density * Air.SpecificHeat * (returnC - crac.SupplyC));
            crac.CompressorPowerW = crac.FanPowerW = 0;
            crac.Saturated = false;
            return;
        }
        var fan = crac.Speed;
        var flow = crac.AirflowM3S * Air.Density * Air.SpecificHeat;
        crac.HuntPhase = (crac.HuntPhase + 2 * Math.PI * dt / crac.HuntPeriodS) % (2 * Math.PI);
        var setpoint = crac.SetpointC + crac.HuntAmplitudeC * Math.Sin(crac.HuntPhase);
        var wanted = Math.Max(0, flow * (returnC - setpoint));
        var capacity = crac.CapacityW * Math.Clamp((returnC - EvaporatorC) / (Crac.NominalReturnC - EvaporatorC), 0, 2) * Math.Pow(fan, 0.6);
        crac.Saturated = wanted > capacity;
        var target = flow > 0 ? returnC - Math.Min(wanted, capacity) / flow : returnC;
        crac.SupplyC = Air.Relax(crac.SupplyC, target, 1, 1.0 / SupplyTimeConstantS, dt);
        crac.CoolingW = Math.Max(0, flow * (returnC - crac.SupplyC));
        var cop = Math.Max(1.5, NominalCop * (1 + CopGainPerK * (crac.SupplyC - 18)));
        crac.CompressorPowerW = crac.CoolingW / cop;
        crac.FanPowerW = crac.RatedFanPowerW * fan * fan * fan;
    }
}
