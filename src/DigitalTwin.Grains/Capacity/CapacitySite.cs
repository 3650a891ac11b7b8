using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Capacity;

/// <summary>What capacity is weighed from: per room its racks (budget, height, occupied units, IT power) and its CRACs' rated capacities.</summary>
public sealed record CapacitySite(IReadOnlyList<CapacitySite.Room> Rooms)
{
    /// <summary>One room.</summary>
    public sealed record Room(string Id, IReadOnlyList<Rack> Racks, IReadOnlyList<double> CracCapacitiesW)
    {
        /// <summary>IT power of all its racks, W.</summary>
        public double ItPowerW => Racks.Sum(r => r.ItPowerW);
    }

    /// <summary>One rack.</summary>
    public sealed record Rack(string Id, double BudgetW, double HeightU, double OccupiedU, double ItPowerW);

    /// <summary>Reads the data centre's rooms, racks, what stands in the racks, and CRACs, in parallel.</summary>
    public static async Task<CapacitySite> ReadAsync(IGrainFactory grains, string dataCentreId, double defaultHeightU)
    {
        var view = await grains.GetLiveTopology().GetViewAsync();
        var root = view.Entries.FirstOrDefault(e => e.Id == dataCentreId);
        if (root is null || root.Kind != TwinKind.DataCentre) throw new ArgumentException($"'{dataCentreId}' is not a data centre of the live twin.");
        var byParent = view.Entries.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!, StringComparer.Ordinal);
        var rooms = await Task.WhenAll(byParent[dataCentreId].Where(e => e.Kind == TwinKind.Room).Select(async room =>
        {
            var racks = byParent[room.Id].Where(e => e.Kind == TwinKind.Rack).ToArray();
            var cracs = byParent[room.Id].Concat(racks.SelectMany(r => byParent[r.Id])).Where(e => e.Kind == TwinKind.Crac)
                .Select(async c => (await grains.GetGrain<IAssetGrain>(c.Id).GetSnapshotAsync()).Spec.Rated?.GetValueOrDefault(RatedProperties.CoolingCapacity) ?? 0);
            return new Room(room.Id, await Task.WhenAll(racks.Select(r => RackAsync(grains, r.Id, byParent[r.Id], defaultHeightU))), await Task.WhenAll(cracs));
        }));
        return new CapacitySite(rooms);
    }

    private static async Task<Rack> RackAsync(IGrainFactory grains, string rackId, IEnumerable<Abstractions.Topology.TopologyEntry> children, double defaultHeightU)
    {
        var rack = await grains.GetTwin(rackId, TwinKind.Rack).GetSnapshotAsync();
        // An asset that does not say its size takes one unit.
        var sizes = await Task.WhenAll(children.Where(c => c.Kind.LevelOf() == TwinLevel.Asset).Select(async c =>
            (await grains.GetGrain<IAssetGrain>(c.Id).GetSnapshotAsync()).Spec.Rated?.GetValueOrDefault(RatedProperties.SizeUnits, 1) ?? 1));
        var rated = rack.Spec.Rated;
        return new Rack(rackId, rated?.GetValueOrDefault(RatedProperties.PowerBudget) ?? 0,
            rated?.GetValueOrDefault(RatedProperties.HeightUnits, defaultHeightU) ?? defaultHeightU, sizes.Sum(), rack.Rollup?.ItPowerW ?? 0);
    }
}
