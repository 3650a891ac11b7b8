namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A CRAC (computer-room air conditioner or handler) as the thermal model sees it. It controls its supply air to
/// <paramref name="SetpointC"/> as long as its capacity allows; a stopped unit moves no air and cools nothing.
/// </summary>
/// <param name="Id">The CRAC's twin id.</param>
/// <param name="Position">Where it stands on the floor, or null when unknown.</param>
/// <param name="CoolingCapacityW">Rated sensible cooling capacity at nominal return temperature and full airflow, W (<c>cooling_capacity_w</c>).</param>
/// <param name="AirflowM3PerS">Airflow at 100 % fan, m³/s (<c>airflow_m3_s</c>).</param>
/// <param name="SetpointC">Supply-air setpoint, °C.</param>
/// <param name="FanPct">Fan speed, % of full; airflow is proportional to it and fan power to its cube.</param>
/// <param name="Running">False when the unit has failed or is switched off.</param>
/// <param name="FanPowerW">Fan power at 100 % fan, W (<c>fan_power_w</c>); 0 when unknown (then a default share of capacity is used).</param>
/// <param name="SetpointMinC">Lowest setpoint the unit accepts, °C (<c>setpoint_min_c</c>).</param>
/// <param name="SetpointMaxC">Highest setpoint the unit accepts, °C (<c>setpoint_max_c</c>).</param>
/// <param name="FanMinPct">Lowest fan speed the unit accepts, % (<c>fan_min_pct</c>).</param>
/// <param name="FanCoastDownS">Time constant of the fan coasting down when the unit stops, s (<c>fan_coast_down_s</c>;
/// 0 for a fan that stops dead).</param>
public sealed record ThermalCrac(
    string Id,
    FloorPoint? Position,
    double CoolingCapacityW,
    double AirflowM3PerS,
    double SetpointC,
    double FanPct = 100,
    bool Running = true,
    double FanPowerW = 0,
    double SetpointMinC = 14,
    double SetpointMaxC = 27,
    double FanMinPct = 30,
    double FanCoastDownS = ThermalDefaults.CracCoastDownS);
