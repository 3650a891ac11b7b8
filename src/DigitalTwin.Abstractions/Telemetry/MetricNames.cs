namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>
/// Well-known metric names that rollups and models understand. Any other metric name is stored and queryable too.
/// Units are part of the name so that a value is never ambiguous.
/// </summary>
public static class MetricNames
{
    /// <summary>Inlet (cold-aisle) air temperature, °C. Rack rollups take max and mean over servers.</summary>
    public const string InletTemperature = "inlet_temp_c";
    /// <summary>Outlet (hot-aisle) air temperature, °C.</summary>
    public const string OutletTemperature = "outlet_temp_c";
    /// <summary>Electrical power drawn, W. Rack and room rollups sum it.</summary>
    public const string Power = "power_w";
    /// <summary>Heat removed by a cooling unit, W.</summary>
    public const string CoolingLoad = "cooling_load_w";
    /// <summary>Supply air temperature of a cooling unit, °C.</summary>
    public const string SupplyTemperature = "supply_temp_c";
    /// <summary>Return air temperature of a cooling unit, °C.</summary>
    public const string ReturnTemperature = "return_temp_c";
    /// <summary>Setpoint of a cooling unit, °C.</summary>
    public const string Setpoint = "setpoint_c";
    /// <summary>Component temperature, °C.</summary>
    public const string Temperature = "temp_c";
    /// <summary>Utilisation, percent.</summary>
    public const string Utilisation = "util_pct";
    /// <summary>Fan speed, revolutions per minute.</summary>
    public const string FanSpeed = "fan_rpm";
    /// <summary>Load as a share of rated capacity (UPS, PDU), percent.</summary>
    public const string LoadPercent = "load_pct";
    /// <summary>Battery charge of a UPS, percent.</summary>
    public const string BatteryCharge = "battery_pct";
}
