using System.Globalization;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// Proposes mitigations for a scenario that overheats a rack or overloads a source, in the terms an operator acts
/// on: lower a CRAC's setpoint, run its fan at full speed, or move load from a hot (or overloaded) rack to one with
/// room to spare. Each candidate is then run as a second scenario on the same fork and the best one recommended.
/// </summary>
internal static class MitigationSearch
{
    private const double SetpointStepC = 2;
    private const double MoveShare = 0.5;

    public static List<MitigationCandidate> Propose(PlantRun scenario, PlantRun baseline, IReadOnlyDictionary<string, double> budgets)
    {
        var plant = scenario.Plant;
        var candidates = new List<MitigationCandidate>();
        var overloaded = plant.Sources.Values.Where(s => s.Live && s.CapacityW > 0 && s.LoadW > s.CapacityW).ToList();
        if (scenario.FirstRackId is not { } hotId && overloaded.Count == 0) return candidates;

        var hot = scenario.FirstRackId is { } id ? plant.Racks[id]
            : plant.Racks.Values.Where(r => r.Servers.Any(s => s.Feeds.Any(f => overloaded.Any(o => o.Id == f.SourceId)))).MaxBy(r => r.PowerW);
        if (hot is null) return candidates;
        var room = plant.Rooms[hot.RoomId];
        var working = room.Cracs.Where(c => !c.Failed).OrderByDescending(c => Closeness(hot, c)).ToList();
        if (scenario.FirstRackId is not null)
        {
            if (working.FirstOrDefault(c => c.SetpointC - SetpointStepC >= c.SetpointMinC) is { } nearest)
            {
                candidates.Add(new($"lower {nearest.Id}'s setpoint by {SetpointStepC:0} °C",
                    new ScenarioRequest(hot.RoomId, Cracs: [new CracSetting(nearest.Id, SetpointC: nearest.SetpointC - SetpointStepC)])));
            }
            var lowerable = working.Where(c => c.SetpointC - SetpointStepC >= c.SetpointMinC).ToList();
            if (lowerable.Count > 1)
            {
                candidates.Add(new($"lower the setpoints of {string.Join(", ", lowerable.Select(c => c.Id))} by {SetpointStepC:0} °C",
                    new ScenarioRequest(hot.RoomId, Cracs: lowerable.Select(c => new CracSetting(c.Id, SetpointC: c.SetpointC - SetpointStepC)).ToList())));
            }
            var slow = working.Where(c => c.FanPct < 100).ToList();
            if (slow.Count > 0)
            {
                candidates.Add(new($"run the fans of {string.Join(", ", slow.Select(c => c.Id))} at 100 %",
                    new ScenarioRequest(hot.RoomId, Cracs: slow.Select(c => new CracSetting(c.Id, FanPct: 100)).ToList())));
            }
        }
        if (MoveLoad(scenario, baseline, hot, budgets, overloaded) is { } move) candidates.Add(move);
        return candidates;
    }

    /// <summary>Moves half the hot rack's load (whole 0.5 kW) to the coolest rack that has the power budget and feeds to take it.</summary>
    private static MitigationCandidate? MoveLoad(PlantRun scenario, PlantRun baseline, PlantRack hot, IReadOnlyDictionary<string, double> budgets, List<PlantSource> overloaded)
    {
        var plant = scenario.Plant;
        if (hot.PowerW <= 0 || hot.Servers.Count == 0) return null;
        var target = plant.Racks.Values
            .Where(r => r.Id != hot.Id && r.Servers.Count > 0 && r.Servers.Any(s => s.Powered) && scenario.Thermal.TimeToLimitS.GetValueOrDefault(r.Id) is null)
            .Where(r => !r.Servers.Any(s => s.Feeds.Any(f => overloaded.Any(o => o.Id == f.SourceId))))
            .Select(r => (Rack: r, Room: budgets.GetValueOrDefault(r.Id, double.PositiveInfinity) - r.PowerW, Peak: scenario.Thermal.PeakC.GetValueOrDefault(r.Id)))
            .Where(t => t.Room > 500)
            .OrderBy(t => t.Peak).FirstOrDefault();
        if (target.Rack is null) return null;
        var watts = Math.Floor(Math.Min(hot.PowerW * MoveShare, target.Room) / 500) * 500;
        if (watts <= 0 || target.Rack.PowerW <= 0) return null;
        var kw = (watts / 1000).ToString("0.#", CultureInfo.InvariantCulture);
        return new($"move {kw} kW from {hot.Id} to {target.Rack.Id}", new ScenarioRequest(hot.RoomId, Loads:
        [
            new LoadChange([hot.Id], (hot.PowerW - watts) / hot.PowerW),
            new LoadChange([target.Rack.Id], (target.Rack.PowerW + watts) / target.Rack.PowerW),
        ]));
    }

    private static double Closeness(PlantRack rack, PlantCrac crac)
    {
        var listed = rack.CoolingUnits.Contains(crac.Id) ? 1 : 0;
        if (rack.Floor is not { } r || crac.Floor is not { } c) return listed;
        return listed - Math.Sqrt((r.X - c.X) * (r.X - c.X) + (r.Y - c.Y) * (r.Y - c.Y)) / 1000;
    }

    /// <summary>The scenario's own changes with a mitigation's added.</summary>
    public static ScenarioRequest Combine(ScenarioRequest request, ScenarioRequest changes) => request with
    {
        Loads = [.. request.Loads ?? [], .. changes.Loads ?? []],
        Cracs = [.. request.Cracs ?? [], .. changes.Cracs ?? []],
    };
}
