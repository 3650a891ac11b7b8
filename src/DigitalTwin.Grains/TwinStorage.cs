using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains;

/// <summary>
/// The grain storage the twins persist to. Every grain class uses its own state name in it, because the ADO.NET
/// provider keys rows by state name and grain key, not by grain type.
/// </summary>
public static class TwinStorage
{
    /// <summary>The name of the grain storage provider the host must register.</summary>
    public const string Name = "twins";

    /// <summary>State names, one per grain class.</summary>
    public static class States
    {
        /// <summary>Data-centre twins.</summary>
        public const string DataCentre = "datacentre";
        /// <summary>Room twins.</summary>
        public const string Room = "room";
        /// <summary>Rack twins.</summary>
        public const string Rack = "rack";
        /// <summary>Asset twins.</summary>
        public const string Asset = "asset";
        /// <summary>Component twins.</summary>
        public const string Component = "component";
        /// <summary>Topology directories.</summary>
        public const string Topology = "topology";
        /// <summary>One-minute metric history, one grain per twin, metric and day.</summary>
        public const string History = "history";
        /// <summary>Cooling loops, one grain per data centre.</summary>
        public const string Cooling = "cooling";
        /// <summary>Capacity answers, one grain per data centre.</summary>
        public const string Capacity = "capacity";

        /// <summary>The state name of the twin grain class serving <paramref name="level"/> (as its [PersistentState] names it).</summary>
        public static string Of(TwinLevel level) => level switch
        {
            TwinLevel.DataCentre => DataCentre,
            TwinLevel.Room => Room,
            TwinLevel.Rack => Rack,
            TwinLevel.Asset => Asset,
            TwinLevel.Component => Component,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "No twin grain serves this level."),
        };
    }
}
