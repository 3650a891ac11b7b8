namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// Names of rated (nameplate) properties that the twins and models understand. Rated properties are given in the
/// topology as a name → number map; any other name is kept too.
/// </summary>
public static class RatedProperties
{
    /// <summary>Rack: the power budget, W. Required for racks.</summary>
    public const string PowerBudget = "power_budget_w";
    /// <summary>Rack: height in rack units.</summary>
    public const string HeightUnits = "height_u";
    /// <summary>Asset in a rack: the lowest rack unit it occupies.</summary>
    public const string PositionUnit = "position_u";
    /// <summary>Asset in a rack: how many rack units it occupies.</summary>
    public const string SizeUnits = "size_u";
    /// <summary>CRAC: cooling capacity, W. Required for CRACs.</summary>
    public const string CoolingCapacity = "cooling_capacity_w";
    /// <summary>PDU or UPS: capacity, W. Required for PDUs and UPSs.</summary>
    public const string Capacity = "capacity_w";
    /// <summary>Server: nameplate power, W.</summary>
    public const string NameplatePower = "nameplate_power_w";
    /// <summary>UPS: battery runtime at full load, s.</summary>
    public const string BatteryRuntime = "battery_runtime_s";
    /// <summary>Room: volume of air in the room, m³ (its thermal mass together with the equipment).</summary>
    public const string Volume = "volume_m3";
    /// <summary>Room: share of the CRACs' air that leaves the floor without reaching any rack's front (leaky tiles,
    /// cable cut-outs, tiles in the wrong place), 0–0.9, as a floor survey measures it; the thermal model assumes none.</summary>
    public const string BypassFraction = "bypass_fraction";
    /// <summary>Room: distance between row centre lines, m (default <see cref="DefaultRowPitch"/>).</summary>
    public const string RowPitch = "row_pitch_m";
    /// <summary>Room: distance over which a CRAC's air, coming up through the tiles near it, falls by e, m (from a floor
    /// survey or a CFD study). Used where the telemetry cannot say how far each unit's air reaches.</summary>
    public const string AirReach = "air_reach_m";
    /// <summary>Room: share of each CRAC's air the under-floor plenum spreads evenly over every rack, 0–1 (with
    /// <see cref="AirReach"/>; 0 when only the reach is given).</summary>
    public const string PlenumShare = "plenum_share";
    /// <summary>Room: width of one slot along a row, m (default <see cref="DefaultSlotWidth"/>).</summary>
    public const string SlotWidth = "slot_width_m";
    /// <summary>The row pitch when a room does not give <see cref="RowPitch"/>, m.</summary>
    public const double DefaultRowPitch = 3.0;
    /// <summary>The slot width when a room does not give <see cref="SlotWidth"/>, m.</summary>
    public const double DefaultSlotWidth = 0.6;
    /// <summary>CRAC: air volume moved at 100 % fan speed, m³/s.</summary>
    public const string Airflow = "airflow_m3_s";
    /// <summary>CRAC: fan power at 100 % fan speed, W (fan power follows speed cubed).</summary>
    public const string FanPower = "fan_power_w";
    /// <summary>CRAC: the lowest supply-air setpoint it accepts, °C.</summary>
    public const string SetpointMin = "setpoint_min_c";
    /// <summary>CRAC: the highest supply-air setpoint it accepts, °C.</summary>
    public const string SetpointMax = "setpoint_max_c";
    /// <summary>CRAC: the lowest fan speed it accepts, percent.</summary>
    public const string FanMinPercent = "fan_min_pct";
    /// <summary>CRAC: the time constant of its fan coasting down when the unit stops, s (0 for a fan that is braked or
    /// stops dead); how fast a lost unit's air fades decides how quickly the others must answer.</summary>
    public const string FanCoastDown = "fan_coast_down_s";
}
