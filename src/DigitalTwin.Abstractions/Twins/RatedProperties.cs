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
}
