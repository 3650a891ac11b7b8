namespace DataCentreSimulator.Plant;

/// <summary>A rack at a place on the floor: its servers, its switch, its A/B PDUs and the inlet limits of its servers.</summary>
internal sealed class Rack(string id, Room room, Row row, int slot, double x, double y)
{
    public string Id { get; } = id;
    public Room Room { get; } = room;
    public Row Row { get; } = row;
    public int Slot { get; } = slot;

    /// <summary>Floor coordinates, m (FloorPlan rule shared with the twin).</summary>
    public double X { get; } = x;
    public double Y { get; } = y;

    public List<Server> Servers { get; } = [];
    public List<NetworkSwitch> Switches { get; } = [];

    /// <summary>Whether the rack stands at either end of its row, where air spills round the end and exhaust comes back.</summary>
    public bool AtRowEnd { get; set; }

    /// <summary>The share of each CRAC's air that reaches this rack (by CRAC index in the room), set when the plant is built.</summary>
    public double[] SupplyShare { get; set; } = [];

    /// <summary>Cold air reaching the rack's face this step, kg/s.</summary>
    public double SupplyKgS { get; set; }

    /// <summary>Air the rack's servers draw this step, kg/s.</summary>
    public double DemandKgS { get; set; }

    /// <summary>The share of the rack's intake that is its row's exhaust coming back, 0..1.</summary>
    public double Recirculation { get; set; }

    /// <summary>The warning and critical inlet limits of its servers, °C (ASHRAE recommended and A1 allowable by default).</summary>
    public double WarnInletC { get; set; } = 27;
    public double CriticalInletC { get; set; } = 32;

    /// <summary>The true maximum inlet over its running servers, °C.</summary>
    public double MaxInletC => Servers.Count == 0 ? Row.ColdAisleC : Servers.Max(s => s.InletC);

    /// <summary>The true mean inlet over its servers, °C.</summary>
    public double MeanInletC => Servers.Count == 0 ? Row.ColdAisleC : Servers.Average(s => s.InletC);
}
