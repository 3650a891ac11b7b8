using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// Physical space: two twins may not stand at the same row and slot of a room, rack-mounted assets may not share a
/// rack unit, and they must fit in their rack's height. Only twins in the document are compared: the directory of
/// the existing graph does not carry positions.
/// </summary>
internal static class FloorLayout
{
    /// <summary>Checks positions and rack units of the incoming twins.</summary>
    public static void Check(MergedGraph graph, IReadOnlySet<string> inCycle, List<TopologyError> errors)
    {
        var slots = new Dictionary<(string Room, string Row, int Slot), string>();
        var mounts = new Dictionary<string, List<(int Low, int High, int Order, string Id)>>(StringComparer.Ordinal);
        foreach (var twin in graph.Incoming)
        {
            // A loop's members have no real place yet; the loop is the one problem to report about them.
            if (twin.Spec is not { } spec || inCycle.Contains(twin.Id)) continue;
            graph.TryResolve(spec.ParentId, out var parentKind);
            if (spec.Position is { } position) CheckPosition(spec, position, parentKind, slots, errors);
            if (spec.Rated?.TryGetValue(RatedProperties.PositionUnit, out var low) == true)
            {
                CheckMount(twin, spec, low, parentKind, mounts, errors);
            }
        }

        foreach (var (rack, mounted) in mounts)
        {
            mounted.Sort((a, b) => a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.Order.CompareTo(b.Order));
            var height = graph.IncomingById(rack)?.Spec?.Rated?.GetValueOrDefault(RatedProperties.HeightUnits) is { } h && RatedRules.IsWholeUnit(h) ? (int)h : (int?)null;
            var top = (High: 0, Id: "");
            foreach (var (lowUnit, highUnit, _, id) in mounted)
            {
                if (lowUnit <= top.High)
                {
                    errors.Add(new(id, TopologyErrorCodes.Conflict,
                        $"occupies {Units(lowUnit, highUnit)} of rack '{rack}', which overlaps '{top.Id}' (up to U{top.High})"));
                }
                if (highUnit > top.High) top = (highUnit, id);
                if (height is { } rackHeight && highUnit > rackHeight)
                {
                    errors.Add(new(id, TopologyErrorCodes.InvalidPlacement,
                        $"occupies {Units(lowUnit, highUnit)}, but rack '{rack}' is only {rackHeight}U high"));
                }
            }
        }
    }

    private static void CheckPosition(TwinSpec spec, RackPosition position, TwinKind? parentKind,
        Dictionary<(string, string, int), string> slots, List<TopologyError> errors)
    {
        if (!StandsOnFloor(spec.Kind))
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.Invalid,
                $"'position' (row and slot in a room) is for twins that stand on a room's floor: {KindNames.Alternatives(TwinKinds.All.Where(StandsOnFloor))}"));
            return;
        }
        if (string.IsNullOrWhiteSpace(position.Row) || position.Slot < 1)
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, $"position row '{position.Row}' slot {position.Slot}: the row must not be empty and slots count from 1"));
            return;
        }
        if (parentKind is not TwinKind.Room)
        {
            if (parentKind is not null)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, $"'position' places it on a room's floor, but its parent '{spec.ParentId}' is {KindNames.WithArticle(parentKind.Value)}"));
            }
            return;
        }
        // Rows are labels people type: "a" and "A" are the same row.
        var key = (spec.ParentId!, position.Row.Trim().ToUpperInvariant(), position.Slot);
        if (!slots.TryAdd(key, spec.Id))
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.Conflict,
                $"row {position.Row} slot {position.Slot} of room '{spec.ParentId}' is already taken by '{slots[key]}'"));
        }
    }

    private static void CheckMount(IncomingTwin twin, TwinSpec spec, double low, TwinKind? parentKind,
        Dictionary<string, List<(int, int, int, string)>> mounts, List<TopologyError> errors)
    {
        if (spec.Kind.LevelOf() != TwinLevel.Asset)
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, $"rated.{RatedProperties.PositionUnit} is for assets mounted in a rack, not for {KindNames.WithArticle(spec.Kind)}"));
            return;
        }
        if (parentKind is not TwinKind.Rack)
        {
            if (parentKind is not null)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid,
                    $"rated.{RatedProperties.PositionUnit} mounts it in a rack, but its parent '{spec.ParentId}' is {KindNames.WithArticle(parentKind.Value)}"));
            }
            return;
        }
        var size = spec.Rated!.GetValueOrDefault(RatedProperties.SizeUnits, 1);
        // Bad unit values are reported by the rated rules; they cannot be placed, so they are left out here.
        if (!RatedRules.IsWholeUnit(low) || !RatedRules.IsWholeUnit(size)) return;
        if (!mounts.TryGetValue(spec.ParentId!, out var mounted)) mounts[spec.ParentId!] = mounted = [];
        mounted.Add(((int)low, (int)(low + size - 1), twin.Order, spec.Id));
    }

    // A service sits in a room without taking floor space.
    private static bool StandsOnFloor(TwinKind kind) => kind != TwinKind.Service && TwinKind.Room.MayContain(kind);

    private static string Units(int low, int high) => low == high ? $"U{low}" : $"U{low}–U{high}";
}
