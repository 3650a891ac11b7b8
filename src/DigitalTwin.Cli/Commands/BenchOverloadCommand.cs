using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Cli.Client;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt bench overload</c>: the overload policy measured on a silo it starts. First the capacity, as <c>dt bench
/// ingest</c> measures it (saturating publishers, messages applied per second by the silo's own counters); then a
/// fleet of devices, one MQTT connection each, offers twice that rate open-loop (each device publishes on its own
/// schedule without waiting for answers), then half the capacity to see it recover. The silo's resident memory is
/// sampled throughout. Every publish is counted by its answer: acknowledged, shed (PUBACK QuotaExceeded with the
/// <c>overloaded</c> reason) or other; the silo's counters must say the same.
/// </summary>
internal static class BenchOverloadCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length of the overload phase; capacity and recovery phases take half of it each.", DefaultValueFactory = _ => 20 };
        var devices = new Option<int>("--devices") { Description = "Device connections offering the overload (more than the silo's 1,024 messages in flight).", DefaultValueFactory = _ => 1500 };
        var factor = new Option<double>("--factor") { Description = "Offered load as a multiple of the measured capacity.", DefaultValueFactory = _ => 2 };
        var saturating = new Option<int>("--capacity-connections") { Description = "Saturating publisher connections that measure the capacity (each connection's messages are handled one at a time, so a few connections measure them, not the silo).", DefaultValueFactory = _ => 64 };
        var command = new Command("overload", "Offer twice the measured ingestion capacity and measure shedding, memory and recovery.") { seconds, devices, factor, saturating };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var silo = await LocalSilo.StartAsync(cancellationToken);
                return await RunAsync(silo, Math.Max(4, parse.GetValue(seconds)), Math.Max(10, parse.GetValue(devices)), Math.Max(1, parse.GetValue(factor)),
                    Math.Max(1, parse.GetValue(saturating)), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt bench overload: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>What an offer did: <paramref name="Window"/> is the time over which the messages were sent, <paramref name="Elapsed"/> includes waiting for their answers.</summary>
    private sealed record Offered(long Attempted, long Acknowledged, long Shed, long Other, TimeSpan Window, TimeSpan Elapsed)
    {
        public double Rate => Attempted / Math.Max(1e-9, Window.TotalSeconds);
    }

    private static async Task<int> RunAsync(LocalSilo silo, double seconds, int deviceCount, double factor, int saturatingConnections, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = silo.Api, Timeout = TimeSpan.FromMinutes(2) };
        // The capacity is what the silo applies when saturated: enough connections (a connection's messages are
        // handled one at a time, so eight connections measured the connections, 465 msgs/s, while the silo applied 843).
        var settings = new BenchIngestCommand.Settings(seconds / 2, saturatingConnections, 16, 20, 500);
        var twins = await BenchIngestCommand.ImportTopologyAsync(http, settings.Servers, cancellationToken);
        var metrics = BenchIngestCommand.Metrics(settings.Readings);

        var saturating = await Task.WhenAll(Enumerable.Range(0, settings.Publishers).Select(i => BenchIngestCommand.ConnectAsync(silo.Broker, i, cancellationToken)));
        double capacity;
        try
        {
            await BenchIngestCommand.PublishAsync(saturating, settings, twins, metrics, TimeSpan.FromSeconds(3), null, raw: false, cancellationToken);
            var before = await BenchIngestCommand.StatsAsync(http, cancellationToken);
            var run = await BenchIngestCommand.PublishAsync(saturating, settings, twins, metrics, TimeSpan.FromSeconds(seconds / 2), null, raw: false, cancellationToken);
            var after = await BenchIngestCommand.StatsAsync(http, cancellationToken);
            capacity = (after.AppliedMessages - before.AppliedMessages) / run.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var client in saturating) client.Dispose();
        }
        Console.Error.WriteLine($"overload: capacity {capacity:F0} msgs/s; connecting {deviceCount} devices");

        var fleet = await ConnectFleetAsync(silo, deviceCount, cancellationToken);
        var memory = new MemorySampler(silo);
        using var stopSampling = new CancellationTokenSource();
        var sampling = memory.RunAsync(stopSampling.Token);
        try
        {
            var baseline = silo.ResidentBytes();
            var statsBefore = await BenchIngestCommand.StatsAsync(http, cancellationToken);
            var overload = await OfferAsync(fleet, twins, metrics, capacity * factor, TimeSpan.FromSeconds(seconds), cancellationToken);
            var statsOverload = await BenchIngestCommand.StatsAsync(http, cancellationToken);
            var peak = memory.Peak;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"overload: offered {overload.Attempted} in {overload.Window.TotalSeconds:F1} s ({overload.Rate / capacity:F2}x the capacity; answers took until {overload.Elapsed.TotalSeconds:F1} s): {overload.Acknowledged} acknowledged, {overload.Shed} shed, {overload.Other} other; recovering at half the capacity"));
            if (overload.Rate < capacity * factor * 0.95)
            {
                Console.Error.WriteLine($"overload: the devices could not offer {factor}x the capacity on this machine; the figure below is what they offered");
            }
            var recovery = await OfferAsync(fleet, twins, metrics, capacity / 2, TimeSpan.FromSeconds(seconds / 2), cancellationToken);
            var statsAfter = await BenchIngestCommand.StatsAsync(http, cancellationToken);
            var after = silo.ResidentBytes();

            var countedShed = statsOverload.Rejected - statsBefore.Rejected;
            var applied = (statsOverload.AppliedMessages - statsBefore.AppliedMessages) / overload.Elapsed.TotalSeconds;
            var recoveryApplied = statsAfter.AppliedMessages - statsOverload.AppliedMessages;
            var recovered = recovery.Shed == 0 && recovery.Other == 0 && recoveryApplied == recovery.Acknowledged && recovery.Acknowledged == recovery.Attempted;
            Console.Error.WriteLine($"overload: silo counted {countedShed} refused during the overload (publishers saw {overload.Shed} shed, {overload.Other} other); recovery: {recovery.Attempted} offered, {recovery.Acknowledged} acknowledged, {recoveryApplied} applied, {recovery.Shed} shed");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"OVERLOAD capacity_msgs_per_s={capacity:F0} offered_msgs_per_s={overload.Rate:F0} applied_msgs_per_s={applied:F0} shed={overload.Shed} shed_pct={100.0 * overload.Shed / Math.Max(1, overload.Attempted):F1} " +
                $"rss_before_mb={baseline / 1048576.0:F1} rss_peak_mb={peak / 1048576.0:F1} rss_after_mb={after / 1048576.0:F1} crashed={(silo.HasExited ? "true" : "false")} recovered={(recovered ? "true" : "false")}"));
            return silo.HasExited || !recovered || countedShed != overload.Shed ? 4 : 0;
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampling;
            foreach (var device in fleet) device.Dispose();
        }
    }

    private static async Task<IMqttClient[]> ConnectFleetAsync(LocalSilo silo, int count, CancellationToken cancellationToken)
    {
        var fleet = new IMqttClient[count];
        // A few at a time: a connection storm is not what is measured here.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, token) => fleet[i] = await BenchIngestCommand.ConnectAsync(silo.Broker, 1000 + i, token));
        return fleet;
    }

    /// <summary>
    /// Every device publishes on its own schedule (<paramref name="rate"/> in all) without waiting for answers: an
    /// open-loop offer, as a fleet of devices makes it. Each publish is counted by its answer.
    /// </summary>
    private static async Task<Offered> OfferAsync(IMqttClient[] fleet, IReadOnlyList<string> twins, string[] metrics, double rate, TimeSpan length,
        CancellationToken cancellationToken)
    {
        long attempted = 0, acknowledged = 0, shed = 0, other = 0, lastSentTicks = 0;
        var interval = TimeSpan.FromSeconds(fleet.Length / rate);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(fleet.Select(async (device, d) =>
        {
            var pending = new List<Task>();
            var payload = new StringBuilder(600);
            var next = interval * Random.Shared.NextDouble();
            for (var n = 0; next < length && !cancellationToken.IsCancellationRequested; n++, next += interval)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic($"dt/telemetry/{twins[(d * 31 + n) % twins.Count]}")
                    .WithPayload(BenchIngestCommand.Payload(payload, metrics, n))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                Interlocked.Increment(ref attempted);
                pending.Add(Answer(() => device.PublishAsync(message, cancellationToken)));
                var sent = clock.Elapsed.Ticks;
                if (sent > Interlocked.Read(ref lastSentTicks)) Interlocked.Exchange(ref lastSentTicks, sent);
            }
            await Task.WhenAll(pending);
        }));
        // The offer's rate is over the time the devices were sending (a slow machine stretches it past `length`);
        // the time their answers took (the backlog draining) is not offered load.
        return new Offered(attempted, acknowledged, shed, other, TimeSpan.FromTicks(Math.Max(Interlocked.Read(ref lastSentTicks), length.Ticks)), clock.Elapsed);

        // A device whose publish timed out is disconnected by its client; its later publishes fail at once, counted as other.
        async Task Answer(Func<Task<MqttClientPublishResult>> publish)
        {
            try
            {
                var result = await publish();
                if (result.IsSuccess) Interlocked.Increment(ref acknowledged);
                else if (result.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded && result.ReasonString?.StartsWith(RejectionReasons.Overloaded, StringComparison.Ordinal) == true) Interlocked.Increment(ref shed);
                else Interlocked.Increment(ref other);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref other);
            }
        }
    }

    /// <summary>Samples the silo's resident memory every quarter second and keeps the peak.</summary>
    private sealed class MemorySampler(LocalSilo silo)
    {
        private long _peak;

        public long Peak => Interlocked.Read(ref _peak);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = silo.ResidentBytes();
                if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                try
                {
                    await Task.Delay(250, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
