namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A rack as the models see it: where it stands, what it draws, what cools it, its limit and its last inlet reading.</summary>
internal sealed class PlantRack
{
    public required string Id { get; init; }
    public required string RoomId { get; init; }
    public (double X, double Y)? Floor { get; init; }
    public required IReadOnlyList<string> CoolingUnits { get; init; }
    public required double LimitC { get; init; }
    public double? ObservedInletC { get; init; }
    public double? ObservedOutletC { get; init; }
    public bool Added { get; init; }

    /// <summary>Sum of its servers' nameplate power, W; 0 when unknown.</summary>
    public double NameplateW { get; init; }

    /// <summary>IT power of loads not modelled as servers (switches, a rack added with a bare load), W.</summary>
    public double OtherPowerW { get; set; }

    /// <summary>The servers in the rack.</summary>
    public List<PlantServer> Servers { get; } = [];

    /// <summary>Power of the servers that are running plus other loads, W.</summary>
    public double PowerW => OtherPowerW + Servers.Where(s => s.Powered).Sum(s => s.PowerW);
}
