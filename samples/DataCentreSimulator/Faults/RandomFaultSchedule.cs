using DataCentreSimulator.Plant;
using DigitalTwin.Abstractions.Telemetry;

namespace DataCentreSimulator.Faults;

/// <summary>
/// <c>--fault-schedule random</c>: several of each evaluated fault kind at random times from the seed. Degradations
/// build up over two and a half to four days, so a good twin can see them a day ahead; sudden faults keep three hours
/// apart, and the first six hours are quiet, so there are fault-free stretches to count false alerts in.
/// </summary>
internal static class RandomFaultSchedule
{
    private const double Hour = 3600, Day = 86_400;
    private const double QuietStart = 6 * Hour, Separation = 3 * Hour;

    private static readonly (string Kind, double MinS, double MaxS)[] Sudden =
    [
        (FaultKinds.CracFailure, 20 * 60, 40 * 60),
        (FaultKinds.PsuFailure, 2 * Hour, 6 * Hour),
        (FaultKinds.HotSpot, 10 * 60, 30 * 60),
        (FaultKinds.WorkloadSpike, 15 * 60, 45 * 60),
        (FaultKinds.StuckSensor, 1 * Hour, 3 * Hour),
        (FaultKinds.DriftingSensor, 3 * Hour, 6 * Hour),
    ];

    public static List<FaultSpec> Create(PlantIndex plant, double days, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var span = days * Day;
        var perKind = Math.Max(2, (int)Math.Round(days / 2));
        var faults = new List<FaultSpec>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var servers = plant.Site.Servers;

        // Degradations: each must fail inside the run.
        for (var i = 0; i < perKind; i++)
        {
            foreach (var kind in new[] { FaultKinds.FanFailure, FaultKinds.DiskDegradation })
            {
                var ramp = Math.Min(random.NextDouble() * 1.5 * Day + 2.5 * Day, span - QuietStart - Hour);
                if (ramp <= Hour) continue;
                var start = QuietStart + random.NextDouble() * (span - QuietStart - Hour - ramp);
                var pool = kind == FaultKinds.FanFailure ? servers.SelectMany(s => s.Fans).Select(f => f.Id) : servers.SelectMany(s => s.Disks).Select(d => d.Id);
                if (Pick(pool.ToList(), random, used) is { } target) faults.Add(new FaultSpec(kind, target, Math.Round(start), RampS: Math.Round(ramp)));
            }
        }

        // Sudden faults in windows that keep apart.
        var windows = new List<(double From, double To)>();
        foreach (var (kind, min, max) in Sudden)
        {
            for (var i = 0; i < perKind; i++)
            {
                var duration = Math.Round(min + random.NextDouble() * (max - min));
                for (var attempt = 0; attempt < 200; attempt++)
                {
                    var start = Math.Round(QuietStart + random.NextDouble() * (span - QuietStart - duration - Hour));
                    if (start < QuietStart || windows.Any(w => start < w.To + Separation && start + duration + Separation > w.From)) continue;
                    var target = TargetFor(kind, plant, random, used);
                    if (target is null) break;
                    windows.Add((start, start + duration));
                    faults.Add(new FaultSpec(kind, target, start, duration,
                        Metric: kind is FaultKinds.StuckSensor or FaultKinds.DriftingSensor ? MetricNames.InletTemperature : null,
                        Magnitude: kind == FaultKinds.DriftingSensor ? 2 : kind == FaultKinds.WorkloadSpike ? 45 : null));
                    break;
                }
            }
        }
        return [.. faults.OrderBy(f => f.AtS)];
    }

    private static string? TargetFor(string kind, PlantIndex plant, Random random, HashSet<string> used) => kind switch
    {
        FaultKinds.CracFailure => Pick([.. plant.Cracs.Keys], random, null),
        FaultKinds.PsuFailure => Pick([.. plant.Psus.Values.Where(p => p.Published).Select(p => p.Id)], random, used),
        FaultKinds.WorkloadSpike => plant.Racks.Count == 0 ? null : Pick([.. plant.Racks.Keys], random, null),
        _ => Pick([.. plant.Servers.Keys], random, used),
    };

    private static string? Pick(List<string> pool, Random random, HashSet<string>? used)
    {
        for (var attempt = 0; attempt < 50 && pool.Count > 0; attempt++)
        {
            var candidate = pool[random.Next(pool.Count)];
            if (used is null || used.Add(candidate)) return candidate;
        }
        return null;
    }
}
