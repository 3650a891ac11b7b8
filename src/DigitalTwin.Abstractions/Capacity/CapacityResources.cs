namespace DigitalTwin.Abstractions.Capacity;

/// <summary>The resources a capacity answer weighs.</summary>
public static class CapacityResources
{
    /// <summary>Electrical power: a rack's power budget; for a room, the sum of its racks' budgets.</summary>
    public const string Power = "power";
    /// <summary>Cooling with one CRAC lost: a room's CRAC capacity less its largest unit, against its IT heat.</summary>
    public const string CoolingNPlusOne = "cooling_n_plus_1";
    /// <summary>Rack units: a rack's height less what its assets occupy; for a room, the sum.</summary>
    public const string Space = "space";
}
