using System.Diagnostics;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Scenarios.Forking;
using DigitalTwin.Grains.Scenarios.Plant;
using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// Turns a forked subtree and a request into an answer: calibrates the room models on the unperturbed fork, runs
/// the baseline, the scenario and each mitigation candidate from that calibrated state, and reports racks, servers,
/// services, feeds, cooling, the recommended mitigation, the drill and the difference to the baseline.
/// </summary>
internal static class ScenarioAnalysis
{
    private const double RecoveryToleranceC = 0.5;
    private static readonly TimeSpan RecoveryHorizon = TimeSpan.FromHours(6);

    /// <summary>A rack's least cold air over what it draws as a percentage to spare (negative: short), or null when unknown.</summary>
    private static double? AirHeadroomPct(double leastAirShare) =>
        double.IsFinite(leastAirShare) ? Math.Round((leastAirShare - 1) * 100, 1) : null;

    public static ScenarioAnswer Answer(string scenarioId, ForkedSubtree fork, IReadOnlyDictionary<string, Models.Thermal.ThermalHistory> histories,
        ScenarioRequest request, ScenarioOptions options,
        double forkMs, int twinsForked, DateTimeOffset now, DateTimeOffset expiresAt, RoomCalibrationCache? cache = null)
    {
        var clock = Stopwatch.StartNew();
        var steps = (int)Math.Ceiling(request.HorizonS / request.StepS - 1e-9);
        // A long horizon at a fine step is thinned to at most MaxSeriesPoints per rack; the model sub-steps as it needs regardless.
        var stride = Math.Max(1, (int)Math.Ceiling((steps + 1) / (double)Math.Max(2, options.MaxSeriesPoints)));
        var seriesStep = request.StepS * stride;
        var failing = request.Fail ?? [];
        var unperturbed = PlantBuilder.Build(fork, Unperturbed(request), failing);
        var rooms = new CalibratedRooms(unperturbed, histories, fork.AsOf, cache, options.CalibrationMaxAge);
        var baseline = rooms.Run(PlantBuilder.Build(fork, Unperturbed(request), failing), request.HorizonS, seriesStep);
        var scenario = rooms.Run(PlantBuilder.Build(fork, request, failing), request.HorizonS, seriesStep);
        var runs = 2;

        var budgets = fork.Snapshots.Values.Where(s => s.Spec.Kind == TwinKind.Rack)
            .ToDictionary(s => s.Spec.Id, s => CoolingRatings.Rated(s.Spec.Rated, RatedProperties.PowerBudget, double.PositiveInfinity), StringComparer.Ordinal);
        MitigationOutcome? mitigation = null;
        var candidates = MitigationSearch.Propose(scenario, baseline, budgets);
        var tried = new List<(MitigationCandidate Candidate, PlantRun Run)>();
        foreach (var candidate in candidates)
        {
            tried.Add((candidate, rooms.Run(PlantBuilder.Build(fork, MitigationSearch.Combine(request, candidate.Changes), failing), request.HorizonS, seriesStep)));
            runs++;
        }
        if (tried.Count > 0)
        {
            var best = tried.OrderByDescending(t => t.Run.RacksOverLimit == 0 && Overloaded(t.Run.Plant).Count == 0)
                .ThenByDescending(t => t.Run.FirstLimitS ?? double.MaxValue).ThenBy(t => t.Run.PeakC).First();
            mitigation = new MitigationOutcome(best.Candidate.Action, best.Candidate.Changes, Checked: true,
                Resolves: best.Run.RacksOverLimit == 0 && Overloaded(best.Run.Plant).Count == 0,
                best.Run.FirstLimitS, Math.Round(best.Run.PeakC, 2), tried.Count);
        }

        var plant = scenario.Plant;
        var racks = plant.Racks.Values.Select(r => new RackOutcome(r.Id, r.RoomId, r.LimitC, scenario.Thermal.TimeToLimitS[r.Id],
                Math.Round(scenario.Thermal.PeakC[r.Id], 2), Math.Round(baseline.Thermal.PeakC.GetValueOrDefault(r.Id, double.NaN), 2),
                Math.Round(r.PowerW, 1), scenario.Thermal.Series[r.Id], AirHeadroomPct(scenario.Thermal.LeastAirShare.GetValueOrDefault(r.Id, double.NaN))))
            .OrderBy(r => r.TimeToLimitS ?? double.MaxValue).ThenByDescending(r => r.PeakInletC).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var affected = Affected(plant, scenario);
        var services = ServiceImpacts(fork, affected);
        var feeds = plant.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new FeedOutcome(
            s.Id, s.Kind.ToString(), s.Paths.ToList(), s.CapacityW, Math.Round(s.Live ? s.LoadW : 0, 1),
            Math.Round(baseline.Plant.Sources[s.Id].LoadW, 1), Math.Round(s.CapacityW - (s.Live ? s.LoadW : 0), 1), !s.Live)).ToList();
        var overloaded = Overloaded(plant);
        var redundancy = new RedundancyOutcome(
            plant.Servers.Values.All(s => !s.Powered || s.LivePaths >= 2) && overloaded.Count == 0,
            plant.Servers.Values.Count(s => s.Powered && s.LivePaths == 1), plant.Servers.Values.Count(s => !s.Powered), overloaded);
        var cooling = plant.Rooms.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(room =>
        {
            var heat = room.Racks.Sum(r => r.PowerW);
            var capacity = room.Cracs.Where(c => !c.Failed).Sum(c => c.CapacityW);
            var hot = room.Racks.Any(r => scenario.Thermal.TimeToLimitS[r.Id] is not null);
            return new CoolingOutcome(room.Id, capacity >= heat && !hot, Math.Round(heat, 1), capacity,
                room.Cracs.Where(c => c.Failed).Select(c => c.Id).ToList());
        }).ToList();

        var (drill, recoveryRuns) = Drill(plant, scenario, baseline, affected, services, rooms, request.HorizonS, options);
        runs += recoveryRuns;
        var calibration = new CalibrationReport(unperturbed.Calibrated.Concat(plant.Calibrated).Distinct().ToList(),
            unperturbed.Defaulted.Concat(plant.Defaulted).Distinct().ToList());
        var comparison = new BaselineComparison(baseline.FirstLimitS, Math.Round(baseline.PeakC, 2), Math.Round(scenario.PeakC - baseline.PeakC, 2),
            Math.Round(plant.ItPowerW - baseline.Plant.ItPowerW, 1), scenario.RacksOverLimit - baseline.RacksOverLimit);
        clock.Stop();
        return new ScenarioAnswer(scenarioId, fork.RootId, request.HorizonS, scenario.Thermal.SeriesStepS, scenario.FirstLimitS, scenario.FirstRackId,
            racks, affected, services, feeds, redundancy, cooling, mitigation, calibration, comparison, drill,
            new ScenarioTimings(Math.Round(forkMs, 2), Math.Round(clock.Elapsed.TotalMilliseconds, 2), fork.Entries.Count, twinsForked, steps, runs),
            now, expiresAt);
    }

    private static ScenarioRequest Unperturbed(ScenarioRequest request) =>
        request with { Fail = null, FailPaths = null, AddRacks = null, Loads = null, Cracs = null };

    private static List<string> Overloaded(DataCentrePlant plant) =>
        plant.Sources.Values.Where(s => s.Live && s.CapacityW > 0 && s.LoadW > s.CapacityW).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();

    private static List<AffectedServer> Affected(DataCentrePlant plant, PlantRun scenario) =>
        plant.Servers.Values.Select(s => !s.Powered
                ? new AffectedServer(s.Id, s.RackId, "power_lost", 0)
                : scenario.Thermal.TimeToLimitS.GetValueOrDefault(s.RackId) is { } at ? new AffectedServer(s.Id, s.RackId, "inlet_limit", at) : null)
            .OfType<AffectedServer>().OrderBy(a => a.AtS).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    private static List<ServiceImpact> ServiceImpacts(ForkedSubtree fork, List<AffectedServer> affected)
    {
        var hit = affected.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return ServiceCatalogue.Read(fork)
            .Select(s => (Service: s, Hit: s.RunsOn.Where(hit.Contains).ToList()))
            .Where(p => p.Hit.Count > 0)
            .Select(p => new ServiceImpact(p.Service.Id, p.Service.Name, p.Hit, p.Service.RunsOn.Count, p.Hit.Count == p.Service.RunsOn.Count))
            .OrderByDescending(s => s.Down).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    private static (DrillReport Report, int Runs) Drill(DataCentrePlant plant, PlantRun scenario, PlantRun baseline, List<AffectedServer> affected,
        List<ServiceImpact> services, CalibratedRooms rooms, double horizonS, ScenarioOptions options)
    {
        var failed = plant.Cracs.Values.Where(c => c.Failed).Select(c => c.Id)
            .Concat(plant.Sources.Values.Where(s => !s.Live).Select(s => s.Id))
            .Concat(plant.FailedPaths.Select(p => $"path:{p}")).Order(StringComparer.Ordinal).ToList();
        var stopped = affected.Select(a => a.Id).ToList();
        var redundant = plant.Servers.Values.Where(s => s.Powered && s.Feeds.Count > 1 && s.LivePaths < s.Feeds.Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            .Where(s => !stopped.Contains(s.Id)).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        double recovery = 0;
        var runs = 0;
        if (failed.Count > 0 || scenario.RacksOverLimit > 0)
        {
            // Restore the failed assets at the horizon's end and run on until every inlet is back near the baseline.
            var longest = RecoveryHorizon.TotalSeconds;
            recovery = rooms.RecoveryS(plant, baseline, horizonS, RecoveryToleranceC, longest) ?? longest;
            runs = plant.Rooms.Count;
            if (stopped.Count > 0) recovery += options.ServerRestart.TotalSeconds;
        }
        return (new DrillReport(failed, stopped, redundant, services.Select(s => s.Id).ToList(), services.Where(s => s.Down).Select(s => s.Id).ToList(), recovery), runs);
    }
}
