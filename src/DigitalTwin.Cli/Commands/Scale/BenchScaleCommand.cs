using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Cli.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Cli.Commands.Scale;

/// <summary>
/// <c>dt bench scale</c>: one silo holding a large generated fleet. It imports the fleet in chunks into a fresh store
/// (embedded SQLite by default, PostgreSQL by connection string), gives a sample of twins a reading, waits for idle
/// twins to deactivate (the silo's <c>DigitalTwin:Twins:IdleDeactivateAfter</c>), measures the silo's resident
/// memory with no twins active, reads the sample back from storage (checking each kept its reading), activates
/// <c>--active</c> twins, reads them all once more (so that none has reached the idle age when memory is measured,
/// however long activating them took) and measures memory again, then times reads of active twins. The memory figure
/// counts only when that second pass and the measurement fit within the idle age (otherwise it says so and exits 4).
/// Prints
/// <c>SCALE twins=&lt;n&gt; import_s=&lt;x&gt; active_twins=&lt;n&gt; rss_bytes_per_active_twin=&lt;y&gt; p99_read_ms=&lt;z&gt; reactivation_ms=&lt;r&gt;</c>.
/// </summary>
internal static class BenchScaleCommand
{
    private const string SampleMetric = "power_w";

    public static Command Create()
    {
        var twins = new Option<int>("--twins") { Description = "Twins in the generated fleet.", DefaultValueFactory = _ => 1_000_000 };
        var active = new Option<int>("--active") { Description = "Twins activated for the memory measurement (at most --twins).", DefaultValueFactory = _ => 100_000 };
        var chunk = new Option<int>("--chunk") { Description = "Twins per import call.", DefaultValueFactory = _ => 25_000 };
        var postgres = new Option<string?>("--postgres") { Description = "Keep the twins in this PostgreSQL database (Npgsql connection string; the schema is migrated) instead of a new embedded SQLite file." };
        var idle = new Option<int>("--idle-after") { Description = "Seconds without calls after which the silo deactivates a twin (the second pass over the activated twins and the memory measurement must fit in it).", DefaultValueFactory = _ => 120 };
        var sample = new Option<int>("--sample") { Description = "Twins given a reading before they deactivate, then read back from storage.", DefaultValueFactory = _ => 200 };
        var reads = new Option<int>("--reads") { Description = "Timed reads of active twins.", DefaultValueFactory = _ => 20_000 };
        var parallel = new Option<int>("--parallel") { Description = "Reads in flight at once.", DefaultValueFactory = _ => 32 };
        var settle = new Option<int>("--settle") { Description = "Seconds of resident-memory readings for each measurement (the least counts).", DefaultValueFactory = _ => 15 };
        var command = new Command("scale", "Import a large generated fleet into one silo and measure memory per active twin, reads and reactivation.")
        {
            twins, active, chunk, postgres, idle, sample, reads, parallel, settle,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ScaleSettings(Math.Max(10, parse.GetValue(twins)), Math.Max(1, parse.GetValue(active)), Math.Max(100, parse.GetValue(chunk)),
                parse.GetValue(postgres), Math.Max(2, parse.GetValue(idle)), Math.Max(1, parse.GetValue(sample)), Math.Max(100, parse.GetValue(reads)),
                Math.Max(1, parse.GetValue(parallel)), Math.Max(1, parse.GetValue(settle)));
            var folder = Directory.CreateTempSubdirectory("dt-bench-scale-");
            try
            {
                await using var silo = await LocalSilo.StartAsync(cancellationToken, SiloSettings(settings, folder.FullName));
                using var client = await ClusterConnection.ConnectAsync(silo.Gateway, silo.ClusterId, TimeSpan.FromMinutes(10), cancellationToken);
                return await RunAsync(silo, client.Services.GetRequiredService<IClusterClient>(), settings, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt bench scale: {ex.Message}");
                return 2;
            }
            finally
            {
                try
                {
                    folder.Delete(recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
        return command;
    }

    private sealed record ScaleSettings(int Twins, int Active, int Chunk, string? Postgres, int IdleSeconds, int Sample, int Reads, int Parallel, int SettleSeconds);

    private static Dictionary<string, string> SiloSettings(ScaleSettings settings, string folder)
    {
        var values = new Dictionary<string, string>
        {
            ["DigitalTwin:Twins:IdleDeactivateAfter"] = TimeSpan.FromSeconds(settings.IdleSeconds).ToString("c", CultureInfo.InvariantCulture),
            // The topology grain logs where each import's time went; the bench prints it per chunk.
            ["Logging:LogLevel:DigitalTwin.Grains.TopologyDirectory"] = "Information",
        };
        if (settings.Postgres is { } connection)
        {
            values["DigitalTwin:Storage:Provider"] = "Postgres";
            values["DigitalTwin:Storage:ConnectionString"] = connection;
        }
        else
        {
            values["DigitalTwin:Storage:Provider"] = "Sqlite";
            values["DigitalTwin:Storage:SqlitePath"] = Path.Combine(folder, "twins.db");
        }
        return values;
    }

    private static async Task<int> RunAsync(LocalSilo silo, IClusterClient client, ScaleSettings settings, CancellationToken cancellationToken)
    {
        var fleet = ScaleTopology.Generate(settings.Twins);
        var twins = fleet.Twins.Count;
        Console.Error.WriteLine($"scale: {twins} twins generated; importing in chunks of {settings.Chunk}");

        // Import, chunk by chunk, each all or nothing.
        var topology = client.GetLiveTopology();
        var clock = Stopwatch.StartNew();
        var imported = 0;
        foreach (var document in fleet.Chunks(settings.Chunk))
        {
            var result = await topology.ImportAsync(document);
            if (!result.Applied || result.Errors.Count > 0)
            {
                Console.Error.WriteLine($"scale: chunk at twin {imported} was not applied cleanly: {string.Join("; ", result.Errors.Take(5))}");
                return 4;
            }
            imported += document.Twins.Count;
            var phases = silo.Tail().Split('\n').LastOrDefault(line => line.Contains(" twins as version ", StringComparison.Ordinal));
            if (phases is not null) Console.Error.WriteLine("scale: silo: " + phases.Trim());
            var activeCount = await ActiveTwins.CountAsync(client);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: {imported} imported in {clock.Elapsed.TotalSeconds:F0} s; {activeCount} twins active, silo {silo.ResidentBytes() / 1048576} MB"));
        }
        var importSeconds = clock.Elapsed.TotalSeconds;

        // A reading for a sample of twins, so that coming back from storage can be checked against what they held.
        var sample = fleet.Spread(settings.Sample * 4).Where(t => ScaleTopology.TakesReadings(t.Kind)).Take(settings.Sample).ToList();
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < sample.Count; i++)
        {
            var value = 100 + i + 0.25;
            var target = client.GetTelemetryTarget(new TwinKey(sample[i].Id), sample[i].Kind)!;
            var result = await target.IngestAsync(new TelemetryBatch(sample[i].Id, [new Reading(SampleMetric, value, now)]));
            if (result.Applied == 1) expected[sample[i].Id] = value;
        }

        // Idle twins deactivate by themselves (and checkpoint what changed on the way out).
        var floor = await WaitForIdleAsync(client, settings, twins, cancellationToken);
        var baseline = await silo.LeastResidentBytesAsync(settings.SettleSeconds, cancellationToken);
        Console.Error.WriteLine($"scale: {floor} twins still active (containers read by /metrics, for one); baseline {baseline / 1048576.0:F1} MB");

        // Back from storage: the sample, each with its reading.
        var reactivation = new Latencies();
        var lost = 0;
        await ForEachAsync(sample, settings.Parallel, async spec =>
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await client.GetTwin(new TwinKey(spec.Id), spec.Kind).GetSnapshotAsync();
            reactivation.Add(watch.Elapsed);
            if (expected.TryGetValue(spec.Id, out var value) && (!snapshot.Latest.TryGetValue(SampleMetric, out var held) || held.Value != value))
            {
                Interlocked.Increment(ref lost);
            }
        }, cancellationToken);

        // Activate: the whole fleet or a spread of it.
        var toActivate = settings.Active >= twins ? fleet.Twins : fleet.Spread(settings.Active, offset: 1);
        var cold = new Latencies();
        clock.Restart();
        await ForEachAsync(toActivate, settings.Parallel, async spec =>
        {
            var watch = Stopwatch.StartNew();
            await client.GetTwin(new TwinKey(spec.Id), spec.Kind).GetSnapshotAsync();
            cold.Add(watch.Elapsed);
        }, cancellationToken);
        var activationSeconds = clock.Elapsed.TotalSeconds;
        // Activating a large set can outlast the idle age, so the first twins would leave while the last ones wake
        // (session 7: 128 s to wake 100,000 against a 30 s age gave a negative figure). A second pass reads every
        // twin again, waking any that left; once it and the measurement fit within the idle age, every twin of the set
        // is in memory when it is measured.
        clock.Restart();
        await ForEachAsync(toActivate, settings.Parallel, spec => client.GetTwin(new TwinKey(spec.Id), spec.Kind).GetSnapshotAsync(), cancellationToken);
        var passSeconds = clock.Elapsed.TotalSeconds;
        var activeNow = await ActiveTwins.CountAsync(client);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: {activeNow} twins active after a second pass over the set in {passSeconds:F1} s; measuring the silo's memory"));
        var loaded = await silo.LeastResidentBytesAsync(settings.SettleSeconds, cancellationToken);
        var measuredSeconds = clock.Elapsed.TotalSeconds;
        var activeAfter = await ActiveTwins.CountAsync(client);
        // Every twin of the set was called after the pass began: none can have reached the idle age before the
        // measurement ended if it ended within the idle age. Twins that left anyway would make the figure describe
        // fewer twins than it divides by.
        var valid = measuredSeconds < settings.IdleSeconds && activeAfter >= activeNow - Math.Max(100, (activeNow - floor) / 100);
        var activated = Math.Max(1, activeNow - floor);

        // Reads of active twins, at random.
        var warm = new Latencies();
        var random = new Random(1);
        var picks = Enumerable.Range(0, settings.Reads).Select(_ => toActivate[random.Next(toActivate.Count)]).ToList();
        await ForEachAsync(picks, settings.Parallel, async spec =>
        {
            var watch = Stopwatch.StartNew();
            await client.GetTwin(new TwinKey(spec.Id), spec.Kind).GetSnapshotAsync();
            warm.Add(watch.Elapsed);
        }, cancellationToken);
        var stillActive = await ActiveTwins.CountAsync(client);

        var perTwin = (loaded - baseline) / (double)activated;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: activated {toActivate.Count} twins in {activationSeconds:F1} s (cold read p50 {cold.Quantile(0.5):F1} ms, p99 {cold.Quantile(0.99):F1} ms); {activeNow} active ({stillActive} after the timed reads); " +
            $"silo {loaded / 1048576.0:F1} MB against {baseline / 1048576.0:F1} MB; warm read p50 {warm.Quantile(0.5):F2} ms; sample of {sample.Count} back from storage, {lost} lost their reading, reactivation p99 {reactivation.Quantile(0.99):F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SCALE twins={twins} import_s={importSeconds:F1} active_twins={activeNow - floor} rss_bytes_per_active_twin={perTwin:F0} p99_read_ms={warm.Quantile(0.99):F2} reactivation_ms={reactivation.Quantile(0.5):F1}"));
        if (!valid)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale: the memory figure is NOT valid: the second pass and the measurement took {measuredSeconds:F1} s, not within the idle age ({settings.IdleSeconds} s), or twins left during it ({activeNow} -> {activeAfter}); run again with a longer --idle-after"));
        }
        return lost == 0 && expected.Count == sample.Count && valid ? 0 : 4;
    }

    /// <summary>
    /// Waits until the twin activations stop falling after the idle age has passed and returns how many remain.
    /// </summary>
    private static async Task<long> WaitForIdleAsync(IClusterClient client, ScaleSettings settings, int twins, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(settings.IdleSeconds * 3 + 120);
        var idleAge = DateTime.UtcNow + TimeSpan.FromSeconds(settings.IdleSeconds);
        var previous = long.MaxValue;
        var steady = 0;
        var poll = TimeSpan.FromSeconds(Math.Clamp(settings.IdleSeconds / 10, 1, 5));
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(poll, cancellationToken);
            var count = await ActiveTwins.CountAsync(client);
            Console.Error.WriteLine($"scale: waiting for idle twins to deactivate: {count} active");
            steady = count >= previous ? steady + 1 : 0;
            previous = count;
            if (DateTime.UtcNow > idleAge && count < twins / 20 + 100 && steady >= 3) return count;
        }
        throw new TimeoutException($"twins did not deactivate when idle: {previous} of {twins} still active");
    }

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, int parallel, Func<T, Task> body, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, Math.Max(1, items.Count))).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count && !cancellationToken.IsCancellationRequested) await body(items[i]);
        }));
    }
}
