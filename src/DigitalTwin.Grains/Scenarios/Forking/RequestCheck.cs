using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Scenarios.Plant;
using P = DigitalTwin.Abstractions.Scenarios.ScenarioProblemCodes;
using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// Everything that can be wrong with a scenario request, found before anything is forked: one problem per reason,
/// each naming the element it concerns.
/// </summary>
internal static class RequestCheck
{
    private const int MaxSlot = 1000;
    private const double MaxFactor = 100;

    /// <summary>Checks that need no topology: horizon, step, numbers, ids.</summary>
    public static List<ScenarioProblem> Shape(ScenarioRequest request)
    {
        var problems = new List<ScenarioProblem>();
        if (!TwinIds.IsValid(request.RootId)) problems.Add(new(P.UnknownTwin, $"'{request.RootId}' is not a valid twin id.", request.RootId));
        if (!double.IsFinite(request.HorizonS) || request.HorizonS <= 0 || request.HorizonS > ScenarioRequest.MaxHorizonS)
        {
            problems.Add(new(P.InvalidHorizon, $"The horizon must be more than 0 and at most {ScenarioRequest.MaxHorizonS:0} s (7 days); it is {request.HorizonS} s."));
        }
        if (!double.IsFinite(request.StepS) || request.StepS < ScenarioRequest.MinStepS)
        {
            problems.Add(new(P.InvalidStep, $"The step must be at least {ScenarioRequest.MinStepS:0} s; it is {request.StepS} s."));
        }
        else if (double.IsFinite(request.HorizonS) && request.StepS > request.HorizonS)
        {
            problems.Add(new(P.InvalidStep, $"The step ({request.StepS} s) is longer than the horizon ({request.HorizonS} s)."));
        }
        foreach (var change in request.Loads ?? [])
        {
            if (!double.IsFinite(change.Factor) || change.Factor < 0 || change.Factor > MaxFactor)
            {
                problems.Add(new(P.InvalidValue, $"A load factor must be between 0 and {MaxFactor}; it is {change.Factor}.", change.TwinIds.FirstOrDefault()));
            }
            if (change.TwinIds.Count == 0) problems.Add(new(P.Invalid, "A load change names no servers or racks."));
        }
        foreach (var rack in request.AddRacks ?? [])
        {
            if (!double.IsFinite(rack.ItLoadW) || rack.ItLoadW < 0) problems.Add(new(P.InvalidValue, $"An added rack's IT load must be 0 W or more; it is {rack.ItLoadW} W.", rack.Id));
            if (!TwinIds.IsValid(rack.Id)) problems.Add(new(P.Invalid, $"'{rack.Id}' is not a valid twin id.", rack.Id));
            if (string.IsNullOrWhiteSpace(rack.Row) || rack.Slot < 1 || rack.Slot > MaxSlot)
            {
                problems.Add(new(P.InvalidPosition, $"Position row '{rack.Row}' slot {rack.Slot} is impossible: a row needs a label and slots run from 1 to {MaxSlot}.", rack.Id));
            }
        }
        foreach (var duplicate in (request.AddRacks ?? []).GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(P.Invalid, "Two added racks share an id.", duplicate.Key));
        }
        foreach (var setting in request.Cracs ?? [])
        {
            if (setting.SetpointC is { } s && !double.IsFinite(s)) problems.Add(new(P.InvalidValue, "The setpoint is not a number.", setting.CracId));
            if (setting.FanPct is { } f && (!double.IsFinite(f) || f < 0 || f > 100)) problems.Add(new(P.InvalidValue, $"A fan speed is 0 to 100 %; it is {f}.", setting.CracId));
            if (setting.SetpointC is null && setting.FanPct is null) problems.Add(new(P.Invalid, "A CRAC setting changes neither setpoint nor fan speed.", setting.CracId));
        }
        return problems;
    }

    /// <summary>Checks against the subtree: every id known and of the right kind, positions free and possible, settings within ratings.</summary>
    public static List<ScenarioProblem> Against(ScenarioRequest request, ForkedSubtree fork, IReadOnlyDictionary<string, TopologyEntry> everywhere)
    {
        var problems = new List<ScenarioProblem>();
        var entries = fork.Entries;
        if (!entries.TryGetValue(request.RootId, out var root))
        {
            problems.Add(new(P.UnknownTwin, $"No twin has the id '{request.RootId}'.", request.RootId));
            return problems;
        }
        if (root.Kind is not (TwinKind.Room or TwinKind.DataCentre))
        {
            problems.Add(new(P.WrongKind, $"A scenario forks a room or a data centre; '{root.Id}' is a {root.Kind}.", root.Id));
            return problems;
        }
        foreach (var id in request.Fail ?? [])
        {
            if (Known(id, entries, everywhere, problems) is { } entry && entry.Kind is not (TwinKind.Crac or TwinKind.Pdu or TwinKind.Ups))
            {
                problems.Add(new(P.WrongKind, $"Only CRACs, PDUs and UPSs can be failed; '{id}' is a {entry.Kind}.", id));
            }
        }
        var paths = fork.Snapshots.Values.SelectMany(s => s.Spec.PowerFeeds ?? []).Select(f => f.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var path in request.FailPaths ?? [])
        {
            if (!paths.Contains(path)) problems.Add(new(P.UnknownTwin, $"No feed in '{root.Id}' is on path '{path}' (paths: {string.Join(", ", paths.Order())}).", path));
        }
        foreach (var change in request.Loads ?? [])
        {
            foreach (var id in change.TwinIds)
            {
                var added = request.AddRacks?.Any(r => r.Id == id) == true;
                if (!added && Known(id, entries, everywhere, problems) is { } entry && entry.Kind is not (TwinKind.Server or TwinKind.Rack))
                {
                    problems.Add(new(P.WrongKind, $"A load change applies to servers or racks; '{id}' is a {entry.Kind}.", id));
                }
            }
        }
        foreach (var setting in request.Cracs ?? [])
        {
            if (Known(setting.CracId, entries, everywhere, problems) is not { } entry) continue;
            if (entry.Kind != TwinKind.Crac)
            {
                problems.Add(new(P.WrongKind, $"Setpoints and fan speeds belong to CRACs; '{setting.CracId}' is a {entry.Kind}.", setting.CracId));
                continue;
            }
            var rated = fork.Snapshots[setting.CracId].Spec.Rated;
            // The same ranges the plant and the cooling loop assume for a unit that does not rate them.
            var (low, high) = CoolingRatings.SetpointRange(rated);
            if (setting.SetpointC is { } s && double.IsFinite(s) && (s < low || s > high))
            {
                problems.Add(new(P.InvalidValue, $"{setting.CracId} takes setpoints from {low} to {high} °C; {s} °C is outside.", setting.CracId));
            }
            var (fanMin, _) = CoolingRatings.FanRange(rated);
            if (setting.FanPct is { } f && f is >= 0 and <= 100 && f < fanMin && f > 0)
            {
                problems.Add(new(P.InvalidValue, $"{setting.CracId} runs its fan at {fanMin} % or more (or 0, off); {f} % is below.", setting.CracId));
            }
        }
        CheckAddedRacks(request, fork, everywhere, problems);
        return problems;
    }

    private static void CheckAddedRacks(ScenarioRequest request, ForkedSubtree fork, IReadOnlyDictionary<string, TopologyEntry> everywhere, List<ScenarioProblem> problems)
    {
        var taken = new HashSet<(string Room, string Row, int Slot)>();
        foreach (var entry in fork.Entries.Values.Where(e => e.ParentId is not null && fork.Snapshots.ContainsKey(e.Id)))
        {
            if (fork.Snapshots[entry.Id].Spec.Position is { } p) taken.Add((entry.ParentId!, p.Row.ToUpperInvariant(), p.Slot));
        }
        foreach (var rack in request.AddRacks ?? [])
        {
            if (everywhere.ContainsKey(rack.Id)) problems.Add(new(P.Invalid, $"A twin with the id '{rack.Id}' already exists.", rack.Id));
            if (!fork.Entries.TryGetValue(rack.RoomId, out var room) || room.Kind != TwinKind.Room)
            {
                problems.Add(new(P.UnknownTwin, $"'{rack.RoomId}' is not a room in '{fork.RootId}'.", rack.Id));
                continue;
            }
            if (!string.IsNullOrWhiteSpace(rack.Row) && !taken.Add((rack.RoomId, rack.Row.ToUpperInvariant(), rack.Slot)))
            {
                problems.Add(new(P.InvalidPosition, $"Row {rack.Row} slot {rack.Slot} of {rack.RoomId} is occupied.", rack.Id));
            }
            foreach (var feed in rack.Feeds ?? [])
            {
                if (!fork.Entries.TryGetValue(feed.SourceId, out var source) || source.Kind is not (TwinKind.Pdu or TwinKind.Ups))
                {
                    problems.Add(new(P.UnknownTwin, $"Feed source '{feed.SourceId}' is not a PDU or UPS in '{fork.RootId}'.", rack.Id));
                }
            }
            foreach (var crac in rack.CoolingUnits ?? [])
            {
                if (!fork.Entries.TryGetValue(crac, out var unit) || unit.Kind != TwinKind.Crac || unit.ParentId != rack.RoomId)
                {
                    problems.Add(new(P.UnknownTwin, $"Cooling unit '{crac}' is not a CRAC in {rack.RoomId}.", rack.Id));
                }
            }
        }
    }

    private static TopologyEntry? Known(string id, IReadOnlyDictionary<string, TopologyEntry> subtree, IReadOnlyDictionary<string, TopologyEntry> everywhere, List<ScenarioProblem> problems)
    {
        if (subtree.TryGetValue(id, out var entry)) return entry;
        problems.Add(everywhere.ContainsKey(id)
            ? new(P.UnknownTwin, $"'{id}' is not inside the forked subtree.", id)
            : new(P.UnknownTwin, $"No twin has the id '{id}'.", id));
        return null;
    }
}
