using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Cli.Client;
using DigitalTwin.Persistence.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// <c>dt chaos</c>: silos killed under load. Starts a scratch PostgreSQL database (migrated here), mosquitto as the
/// external broker and a cluster of silo processes on PostgreSQL membership; publishes QoS 1 telemetry at a steady
/// rate over many twins while it kills (SIGKILL) one silo and restarts it every interval; a client probes twins
/// meanwhile. Afterwards it reads back, per twin, which messages the twins hold, and whether the rollups agree.
/// </summary>
internal static class ChaosCommand
{
    public const string ClusterId = "dt-chaos";

    public static Command Create()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds of publishing and killing.", DefaultValueFactory = _ => 120 };
        var interval = new Option<double>("--interval") { Description = "Seconds between kills (a silo still restarting is not killed again, and the last silo up never is).", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "QoS 1 messages per second, over all twins.", DefaultValueFactory = _ => 400 };
        var twins = new Option<int>("--twins") { Description = "Server twins the messages go to, round robin.", DefaultValueFactory = _ => 500 };
        var silos = new Option<int>("--silos") { Description = "Silos in the cluster.", DefaultValueFactory = _ => 3 };
        var ackMode = new Option<string>("--ack-mode") { Description = "applied | durable: when the silos acknowledge a QoS 1 message (DigitalTwin:Mqtt:AckMode).", DefaultValueFactory = _ => "applied" };
        ackMode.AcceptOnlyFromAmong("applied", "durable");
        var settle = new Option<double>("--settle") { Description = "Longest wait, in seconds, for redelivered messages after publishing ends.", DefaultValueFactory = _ => 300 };
        var command = new Command("chaos", "Kill silos under load and count what acknowledged telemetry survives. The root option --postgres names a server for the scratch database (default: a private PostgreSQL started for the run).")
        {
            duration, interval, rate, twins, silos, ackMode, settle,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plan = new ChaosPlan(
                TimeSpan.FromSeconds(Math.Max(5, parse.GetValue(duration))), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))),
                Math.Max(1, parse.GetValue(rate)), Math.Max(20, parse.GetValue(twins)), Math.Max(2, parse.GetValue(silos)),
                parse.GetValue(ackMode) == "durable" ? "Durable" : "Applied", TimeSpan.FromSeconds(Math.Max(10, parse.GetValue(settle))));
            var perTwin = (int)Math.Ceiling(plan.Rate * plan.Duration.TotalSeconds / plan.Twins);
            if (perTwin > ChaosTelemetry.MaxSequencesPerTwin)
            {
                Console.Error.WriteLine($"dt chaos: {perTwin} messages per twin is more than {ChaosTelemetry.MaxSequencesPerTwin} (one per minute of the twins' accepted reading age); raise --twins or lower --rate or --duration.");
                return 1;
            }
            try
            {
                return await RunAsync(plan, perTwin + 1, parse.GetValue(ClusterConnection.Postgres), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt chaos: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private sealed record ChaosPlan(TimeSpan Duration, TimeSpan Interval, double Rate, int Twins, int Silos, string AckMode, TimeSpan Settle);

    private static async Task<int> RunAsync(ChaosPlan plan, int sequencesPerTwin, string? server, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("chaos: creating the scratch database" + (server is null ? " on a private PostgreSQL" : ""));
        await using var database = await ScratchDatabase.CreateAsync(server, "chaos", cancellationToken);
        await using var broker = await LocalMosquitto.StartAsync();
        Console.Error.WriteLine($"chaos: mosquitto on 127.0.0.1:{broker.Port}; starting {plan.Silos} silos ({plan.AckMode} acknowledgement)");
        await using var cluster = await ChaosCluster.StartAsync(plan.Silos, database.ConnectionString, broker.Port, plan.AckMode, cancellationToken);

        var topology = BenchIngestCommand.GenerateTopology(plan.Twins);
        using (var http = new HttpClient { BaseAddress = cluster.Api(0), Timeout = TimeSpan.FromMinutes(2) })
        {
            await BenchIngestCommand.ImportTopologyAsync(http, topology, cancellationToken);
        }
        var servers = topology.Twins.Where(t => t.Kind == TwinKind.Server).Select(t => t.Id).Take(plan.Twins).ToList();
        using var client = await ConnectAsync(database.ConnectionString, cancellationToken);
        var grains = client.Services.GetRequiredService<IClusterClient>();

        var telemetry = ChaosTelemetry.Before(DateTimeOffset.UtcNow, sequencesPerTwin);
        var ledger = new SequenceLedger(servers.Count, sequencesPerTwin);
        var publishers = new ChaosPublishers("127.0.0.1", broker.Port, connections: 4, inflight: 8, servers, telemetry, ledger);
        var probe = new TwinProbe(grains, servers.Where((_, i) => i % Math.Max(1, servers.Count / 20) == 0).ToList());
        using var stopProbe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probing = probe.RunAsync(stopProbe.Token);

        Console.Error.WriteLine($"chaos: publishing {plan.Rate:F0} msgs/s over {servers.Count} twins for {plan.Duration.TotalSeconds:F0} s, killing a silo every {plan.Interval.TotalSeconds:F0} s");
        var clock = Stopwatch.StartNew();
        var publishing = publishers.RunAsync(plan.Rate, plan.Duration, cancellationToken);
        var kills = await KillAndRestartAsync(cluster, plan, clock, cancellationToken);
        await publishing;
        Console.Error.WriteLine($"chaos: publishing done after {clock.Elapsed.TotalSeconds:F0} s ({ledger.CountAcknowledged()} of {ledger.CountPublished()} acknowledged by the broker); waiting for the twins to settle");

        var held = await SettleAsync(new HeldSequences(grains, servers, telemetry, sequencesPerTwin), ledger, plan.Settle, cancellationToken);
        var rollups = await ConvergeAsync(new RollupAgreement(grains, topology), cancellationToken);
        await stopProbe.CancelAsync();
        await probing;

        long applied = 0, lostAcked = 0;
        for (var twin = 0; twin < servers.Count; twin++)
        {
            for (var sequence = 0; sequence < sequencesPerTwin; sequence++)
            {
                var holds = held[twin].Contains(sequence);
                if (holds && ledger.WasPublished(twin, sequence)) applied++;
                if (!holds && ledger.WasAcknowledged(twin, sequence)) lostAcked++;
            }
        }
        Console.Error.WriteLine($"chaos: silos now up refused (all reasons, since their last start): {await cluster.RefusalsAsync(cancellationToken)}");
        Console.Error.WriteLine($"chaos: probe {probe.Reads} reads, {probe.Failures} failed; publish failures {publishers.Failed}; silos crashed on their own: {cluster.Crashed}; rollups: {rollups.Detail}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CHAOS kills={kills} published={ledger.CountPublished()} acked={ledger.CountAcknowledged()} applied={applied} lost_acked={lostAcked} max_unavailable_s={probe.MaxUnavailable.TotalSeconds:F1} rollups_converged={(rollups.Agree ? "true" : "false")}"));
        return 0;
    }

    /// <summary>
    /// Every interval, kills the next silo in turn that is up and starts it again at once (the restart runs on while
    /// the schedule goes on). The last silo up is never killed: when only one serves, the tick kills a silo that is still
    /// starting instead (on a loaded machine a restart outlasts several intervals, and skipping those ticks made only 4
    /// of 11 scheduled kills happen); it is started again. Only a tick that finds neither is skipped, and said so.
    /// </summary>
    private static async Task<int> KillAndRestartAsync(ChaosCluster cluster, ChaosPlan plan, Stopwatch clock, CancellationToken cancellationToken)
    {
        var kills = 0;
        var restarts = new List<Task>();
        var next = 0;
        for (var tick = 1; ; tick++)
        {
            var wait = plan.Interval * tick - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            if (clock.Elapsed >= plan.Duration) break;
            var order = Enumerable.Range(0, cluster.Count).Select(i => (next + i) % cluster.Count).ToList();
            var up = order.Where(cluster.IsUp).ToList();
            var starting = order.Where(cluster.IsStarting).ToList();
            if (up.Count <= 1 && starting.Count == 0)
            {
                Console.Error.WriteLine($"chaos: t={clock.Elapsed.TotalSeconds:F0}s no kill: only {up.Count} silo up and none starting");
                continue;
            }
            var victim = up.Count > 1 ? up[0] : starting[0];
            next = victim + 1;
            if (up.Count > 1)
            {
                await cluster.KillAsync(victim);
                restarts.Add(RestartAsync(cluster, victim, clock, cancellationToken));
            }
            else
            {
                // Its restart (already running) notices the kill and starts it again.
                Console.Error.WriteLine($"chaos: t={clock.Elapsed.TotalSeconds:F0}s only one silo serves: killing silo {victim} while it starts");
                await cluster.KillAsync(victim);
            }
            kills++;
        }
        await Task.WhenAll(restarts);
        return kills;
    }

    private static async Task RestartAsync(ChaosCluster cluster, int victim, Stopwatch clock, CancellationToken cancellationToken)
    {
        var killedAt = clock.Elapsed;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cluster.RestartAsync(victim, cancellationToken);
                Console.Error.WriteLine($"chaos: t={killedAt.TotalSeconds:F0}s killed silo {victim}, serving again after {(clock.Elapsed - killedAt).TotalSeconds:F1} s");
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Killed again while starting: start it once more (not a failed attempt).
                attempt--;
            }
            catch (Exception ex) when (attempt < 3 && ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"chaos: silo {victim} did not come back ({ex.Message.Split('\n')[0]}); starting it again");
            }
        }
    }

    /// <summary>Reads what the twins hold until every acknowledged message is there or nothing has changed for 30 s.</summary>
    private static async Task<HashSet<int>[]> SettleAsync(HeldSequences reader, SequenceLedger ledger, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var acknowledged = ledger.CountAcknowledged();
        long last = -1;
        var stableSince = TimeSpan.Zero;
        while (true)
        {
            var held = await reader.ReadAsync(cancellationToken);
            long count = 0;
            for (var twin = 0; twin < held.Length; twin++) count += held[twin].Count(s => ledger.WasAcknowledged(twin, s));
            if (count != last)
            {
                Console.Error.WriteLine($"chaos: settling, t+{clock.Elapsed.TotalSeconds:F0}s: twins hold {count} of {acknowledged} acknowledged messages");
                last = count;
                stableSince = clock.Elapsed;
            }
            if (count >= acknowledged || clock.Elapsed - stableSince >= TimeSpan.FromSeconds(30) || clock.Elapsed >= limit) return held;
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }
    }

    /// <summary>Checks the rollups until they agree, for at most 30 s (they are recomputed every second per level).</summary>
    private static async Task<(bool Agree, string Detail)> ConvergeAsync(RollupAgreement agreement, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            (bool Agree, string Detail) result;
            try
            {
                result = await agreement.CheckAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = (false, "a twin could not be read: " + ex.Message);
            }
            if (result.Agree || DateTime.UtcNow > deadline) return result;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private static async Task<IHost> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:Storage:Provider"] = "Postgres",
            ["DigitalTwin:Storage:ConnectionString"] = connectionString,
            ["DigitalTwin:Cluster:ClusterId"] = ClusterId,
            ["DigitalTwin:Cluster:ServiceId"] = ClusterId,
        }).Build();
        builder.UseOrleansClient(client =>
        {
            client.UseDigitalTwinClustering(configuration);
            // A restarted silo's gateway is found again within seconds, not the minute-long default.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
