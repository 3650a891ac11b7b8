namespace DataCentreSimulator.Plant;

/// <summary>Every part of the plant by its twin id, for faults and commands that name their target.</summary>
internal sealed class PlantIndex
{
    public PlantIndex(DataCentre site)
    {
        Site = site;
        foreach (var server in site.Servers)
        {
            Servers[server.Id] = server;
            foreach (var fan in server.Fans) Fans[fan.Id] = fan;
            foreach (var disk in server.Disks) Disks[disk.Id] = disk;
            foreach (var psu in server.Psus) Psus[psu.Id] = psu;
        }
        foreach (var crac in site.Cracs) Cracs[crac.Id] = crac;
        foreach (var rack in site.Racks) Racks[rack.Id] = rack;
        foreach (var service in site.Services) Services[service.Id] = service;
    }

    public DataCentre Site { get; }
    public Dictionary<string, Server> Servers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Fan> Fans { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Disk> Disks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Psu> Psus { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Crac> Cracs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Rack> Racks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Service> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>The servers a workload spike names: servers, racks or services, comma-separated.</summary>
    public List<Server> ServersNamed(string target) =>
    [
        .. target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(id =>
            Servers.TryGetValue(id, out var s) ? [s]
            : Racks.TryGetValue(id, out var r) ? r.Servers
            : Services.TryGetValue(id, out var v) ? v.Servers
            : (IEnumerable<Server>)[]).Distinct(),
    ];
}
