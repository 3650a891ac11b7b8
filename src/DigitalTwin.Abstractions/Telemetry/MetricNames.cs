namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>
/// Well-known metric names that rollups and models understand. Any other metric name is stored and queryable too.
/// Units are part of the name so that a value is never ambiguous.
/// </summary>
public static class MetricNames
{
    /// <summary>The longest metric name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Whether <paramref name="name"/> is an acceptable metric name: 1 to <paramref name="maxLength"/> (at most
    /// <see cref="MaxLength"/>) letters, digits, '_', '.', '-' and ':', starting with a letter. Names become history
    /// grain keys and query terms, so they are short and free of separators. Ingestion checks the same rule before
    /// any grain call; the twins check it again as the last line.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> name, int maxLength = MaxLength)
    {
        if (name.IsEmpty || name.Length > Math.Min(maxLength, MaxLength)) return false;
        if (!char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':')) return false;
        }
        return true;
    }

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
    /// <summary>Fan speed of a cooling unit, percent of its maximum.</summary>
    public const string FanPercent = "fan_pct";
    /// <summary>Air volume moved by a cooling unit, m³/s.</summary>
    public const string Airflow = "airflow_m3_s";
    /// <summary>Input voltage of a PDU or UPS, V; 0 when the input is lost.</summary>
    public const string InputVoltage = "input_v";
    /// <summary>Whether a UPS runs on its battery: 1 yes, 0 no.</summary>
    public const string OnBattery = "on_battery";
    /// <summary>Output voltage of a PSU, V; 0 when it has failed.</summary>
    public const string OutputVoltage = "output_v";
    /// <summary>Sectors a disk has remapped so far (SMART, cumulative).</summary>
    public const string ReallocatedSectors = "reallocated_sectors";
    /// <summary>Sectors a disk is waiting to remap (SMART, cumulative).</summary>
    public const string PendingSectors = "pending_sectors";
}
