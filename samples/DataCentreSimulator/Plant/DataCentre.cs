namespace DataCentreSimulator.Plant;

/// <summary>The whole simulated site: rooms, power tree, servers and services, indexed by twin id.</summary>
internal sealed class DataCentre
{
    public List<Room> Rooms { get; } = [];
    public List<Server> Servers { get; } = [];
    public List<Ups> Upses { get; } = [];
    public List<Pdu> Pdus { get; } = [];
    public List<Service> Services { get; } = [];
    public Dictionary<string, PowerNode> PowerNodes { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Rack> Racks => Rooms.SelectMany(r => r.Racks);
    public IEnumerable<Crac> Cracs => Rooms.SelectMany(r => r.Cracs);
    public IEnumerable<NetworkSwitch> Switches => Racks.SelectMany(r => r.Switches);
}
