using DigitalTwin.Topology;

namespace ManufacturingLine;

/// <summary>
/// One run: import the line's topology, replay the last hours of its machines' readings (so trends exist at once),
/// then report live, printing the predictive-maintenance list of the line's machines as it goes.
/// </summary>
internal static class LineRun
{
    private static readonly TimeSpan ListEvery = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(LineSettings settings, CancellationToken cancellationToken)
    {
        var parsed = TopologyFile.Load(settings.Topology);
        if (parsed.Document is null || parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"line: {settings.Topology}: {error}");
            return 2;
        }
        var twins = parsed.Document.Twins;
        var machineIds = twins.Where(t => t.Type == "machine").Select(t => t.Id).ToList();
        if (machineIds.Count == 0) { Console.Error.WriteLine($"line: {settings.Topology} declares no twin of kind 'machine'"); return 2; }
        var names = twins.ToDictionary(t => t.Id, t => t.Name ?? t.Id);
        var now = DateTimeOffset.UtcNow;
        var machines = Plant(machineIds, settings.Seed, now);

        using var silo = new LineSilo(settings.Silo, settings.Token);
        Console.WriteLine($"line: imported {settings.Topology}: {await silo.ImportAsync(await File.ReadAllTextAsync(settings.Topology, cancellationToken), cancellationToken)}");
        await using var telemetry = new LineTelemetry(settings.BrokerHost, settings.BrokerPort, settings.Username, settings.Password, $"dt-line-{settings.Seed}");
        await telemetry.ConnectAsync(cancellationToken);

        var step = TimeSpan.FromSeconds(settings.IntervalS);
        var sent = 0;
        for (var at = now - TimeSpan.FromHours(settings.HistoryHours); at < now; at += step)
        {
            if (await telemetry.PublishAsync(machines, at, cancellationToken)) sent++;
        }
        Console.WriteLine($"line: replayed {settings.HistoryHours:0.#} h of {machines.Count} machines' vibration and temperature ({sent} batches); reporting live every {settings.IntervalS:0.#} s");

        var end = settings.DurationS > 0 ? DateTimeOffset.UtcNow.AddSeconds(settings.DurationS) : DateTimeOffset.MaxValue;
        var nextList = DateTimeOffset.UtcNow.AddSeconds(5);
        try
        {
            while (DateTimeOffset.UtcNow < end)
            {
                await telemetry.PublishAsync(machines, DateTimeOffset.UtcNow, cancellationToken);
                if (DateTimeOffset.UtcNow >= nextList)
                {
                    MaintenanceList.Print(await silo.PredictionsAsync(cancellationToken), machineIds, names);
                    nextList = DateTimeOffset.UtcNow + ListEvery;
                }
                await Task.Delay(step, cancellationToken);
            }
            MaintenanceList.Print(await silo.PredictionsAsync(cancellationToken), machineIds, names);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: the line stops reporting; the twins keep what they learned.
        }
        return 0;
    }

    // Healthy machines around their own levels; from the seed, one bearing wearing towards damage in about half a day
    // and another in about two days, both wearing since before the replay starts, so the list has something to rank.
    // The platform trusts a trend only three times as far ahead as the history it has seen, and refuses readings older
    // than a day: the default 20 hours of replay cover both (12 hours of a quadratic, still-flat rise to damage in four
    // days did not, and the list read 0 % for every machine).
    private static List<Machine> Plant(IReadOnlyList<string> ids, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var soon = seed % ids.Count;
        var later = (seed + 3) % ids.Count;
        return [.. ids.Select((id, i) =>
        {
            var (start, fails) = i == soon ? (now.AddHours(-30), now.AddHours(12))
                : i == later && later != soon ? (now.AddHours(-26), now.AddHours(48))
                : ((DateTimeOffset?)null, (DateTimeOffset?)null);
            return new Machine(id, 1.8 + random.NextDouble() * 1.4, 45 + random.NextDouble() * 15, start, fails, new Random(random.Next()));
        })];
    }
}
