using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// One CRAC: its ratings (from the topology's rated properties; 0 where not given), its present setpoint and fan
/// speed, and its latest readings (null where none).
/// </summary>
public sealed record CracSituation(
    string CracId,
    RackPosition? Position,
    bool Running,
    double CoolingCapacityW,
    double AirflowM3PerS,
    double FanPowerW,
    double SetpointC,
    double FanPct,
    double SetpointMinC,
    double SetpointMaxC,
    double FanMinPct,
    double? SupplyC,
    double? ReturnC,
    double? PowerW,
    double? CoolingLoadW,
    double FanCoastDownS = DigitalTwin.Models.Thermal.ThermalDefaults.CracCoastDownS);
