using DigitalTwin.Models.Power;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Capacity;

/// <summary>
/// How many more servers of a given power and size fit in each rack and room before power (rack budget, and feeds
/// after any single PDU, UPS or path failure), cooling (every inlet within its limit after any single CRAC failure,
/// the remaining units at their lowest setpoint and full fan) or space runs out. Cooling is judged with the room
/// thermal model at steady state; power with the power model.
/// </summary>
public static class ServerFitPlanner
{
    private const int MostServers = 1000;

    /// <summary>The fit of <paramref name="profile"/> in <paramref name="room"/>.</summary>
    /// <param name="room">The room as the thermal model sees it.</param>
    /// <param name="parameters">Its thermal parameters (calibrated or default).</param>
    /// <param name="racks">Each rack's budget and space; a rack of the room missing here has no power or space limit.</param>
    /// <param name="power">The power chain with the racks as loads (same ids), or null to judge the budget only.</param>
    /// <param name="profile">The server to fit.</param>
    public static RoomFit Plan(ThermalRoom room, ThermalParameters parameters, IReadOnlyList<RackSpace> racks, PowerModel? power,
        ServerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!(profile.PowerW > 0) || profile.SizeU < 1) throw new ArgumentException("a server needs a power above 0 and a size of at least 1 U", nameof(profile));
        var spaces = racks.ToDictionary(r => r.RackId, StringComparer.Ordinal);
        var contingencies = power is null ? [] : ContingencyStates(power);
        var fits = new List<RackFit>();
        var powerHeadroom = 0.0;
        foreach (var rack in room.Racks)
        {
            spaces.TryGetValue(rack.Id, out var space);
            var headroomW = PowerHeadroom(rack.Id, space, power, contingencies);
            powerHeadroom += double.IsFinite(headroomW) ? headroomW : 0;
            var byPower = double.IsFinite(headroomW) ? (int)Math.Floor(headroomW / profile.PowerW + 1e-9) : MostServers;
            var bySpace = space is null ? MostServers : Math.Max(0, (space.HeightU - space.UsedU) / profile.SizeU);
            var byCooling = LargestCount(k => CoolingHolds(room, parameters, new Dictionary<string, double> { [rack.Id] = k * profile.PowerW }));
            fits.Add(new RackFit(rack.Id, Math.Max(0, Math.Min(byPower, MostServers)), byCooling, Math.Min(bySpace, MostServers)));
        }
        // The room as a whole: extra power spread over its racks in proportion to the servers each could take.
        var room0 = fits.Sum(f => Math.Min(f.ByPower, f.BySpace));
        var shares = fits.ToDictionary(f => f.RackId, f => room0 > 0 ? (double)Math.Min(f.ByPower, f.BySpace) / room0 : 1.0 / Math.Max(1, fits.Count));
        var roomCount = LargestCount(k => CoolingHolds(room, parameters, shares.ToDictionary(s => s.Key, s => s.Value * k * profile.PowerW)));
        return new RoomFit(room.Id, fits, roomCount, powerHeadroom, roomCount * profile.PowerW);
    }

    private static List<PowerState> ContingencyStates(PowerModel power) =>
        [power.Evaluate(), .. power.Redundancy().Contingencies.Select(c => power.Evaluate(c.Outage))];

    /// <summary>Power a rack can add: within its budget, and in every single-failure state that still powers it, on
    /// every live node that feeds it (added power splits over its live inputs; the nodes above them may get it whole).</summary>
    private static double PowerHeadroom(string rackId, RackSpace? space, PowerModel? power, List<PowerState> states)
    {
        var headroom = space is null ? double.PositiveInfinity : space.PowerBudgetW - space.ItPowerW;
        if (power is null) return headroom;
        var upstream = power.Upstream(rackId);
        foreach (var state in states)
        {
            var supply = state.Loads.FirstOrDefault(l => l.Id == rackId);
            if (supply is null || !supply.Powered) continue;
            foreach (var node in state.Nodes.Where(n => n.Live && upstream.Contains(n.Id)))
            {
                var direct = supply.LiveInputs.Any(i => i.SourceId == node.Id);
                headroom = Math.Min(headroom, node.HeadroomW * (direct ? supply.LiveInputs.Count : 1));
            }
        }
        return headroom;
    }

    private static bool CoolingHolds(ThermalRoom room, ThermalParameters parameters, IReadOnlyDictionary<string, double> addedW)
    {
        var loaded = room with { Racks = [.. room.Racks.Select(r => addedW.TryGetValue(r.Id, out var w) ? r with { ItPowerW = r.ItPowerW + w } : r)] };
        var running = loaded.Cracs.Where(c => c.Running).ToList();
        List<string?> cases = running.Count > 1 ? [.. running.Select(c => c.Id)] : [null];
        foreach (var failed in cases)
        {
            var responded = loaded with
            {
                Cracs = [.. loaded.Cracs.Select(c => c.Id == failed ? c with { Running = false } : c.Running ? c with { SetpointC = c.SetpointMinC, FanPct = 100 } : c)],
            };
            var state = new RoomThermalModel(responded, parameters).SteadyState();
            if (!state.Steady || loaded.Racks.Any(r => state.RackInletC[r.Id] > r.InletLimitC)) return false;
        }
        return true;
    }

    /// <summary>The largest k in [0, <see cref="MostServers"/>] for which <paramref name="holds"/> (monotone) is true; 0 when not even none fits.</summary>
    private static int LargestCount(Func<int, bool> holds)
    {
        if (!holds(0)) return 0;
        int low = 0, high = 1;
        while (high < MostServers && holds(high)) (low, high) = (high, Math.Min(MostServers, high * 2));
        if (high >= MostServers && holds(MostServers)) return MostServers;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (holds(mid)) low = mid; else high = mid;
        }
        return low;
    }
}
