using System.CommandLine;
using System.Globalization;
using System.Net;
using DigitalTwin.Cli.Client;
using DigitalTwin.Topology;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>
/// <c>dt fuzz</c>: hostile input against a real silo. Generated malformed MQTT payloads and topics through MQTTnet
/// (MQTT 5) and through paho-mqtt, the strict client (MQTT 5 and 3.1.1), then malformed topologies and scenario
/// requests over HTTP. Checks that the silo never crashes, that every answer is a valid MQTT packet, that the
/// silo's counters reconcile with what was sent (every message received is applied, refused under one reason or
/// failed), and how far resident memory grew from its baseline after warm-up. Prints
/// <c>FUZZ tried=&lt;n&gt; crashes=0 rejected=&lt;n&gt; unreconciled=0 invalid_packets=0 rss_growth_mb=&lt;x&gt;</c>.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var messages = new Option<long>("--messages") { Description = "MQTT cases to publish through MQTTnet.", DefaultValueFactory = _ => 1_000_000 };
        var paho = new Option<int>("--paho-messages") { Description = "Cases to publish through paho-mqtt, per protocol version (skipped when python3-paho-mqtt is missing).", DefaultValueFactory = _ => 20_000 };
        var requests = new Option<int>("--http-requests") { Description = "Malformed HTTP requests.", DefaultValueFactory = _ => 2_000 };
        var hugeEvery = new Option<int>("--huge-every") { Description = "One case in this many is a 10 MB payload.", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated cases.", DefaultValueFactory = _ => 1 };
        var connections = new Option<int>("--connections") { Description = "MQTTnet connections.", DefaultValueFactory = _ => 8 };
        var broker = new Option<string?>("--broker") { Description = "host:port of a running silo's broker (default: start a silo)." };
        var api = new Option<string?>("--api") { Description = "The running silo's HTTP base address (with --broker)." };
        var warmUpSeconds = new Option<int>("--warm-up-seconds") { Description = "Go on warming up (with further cases) until this long has passed before the memory baseline, so that the baseline is the silo's steady state under this input: three checkpoint intervals (30 s each), the change feeds' 30-second cache, and the runtime's tiered compilation of the hot paths; 0 for the fixed warm-up only (20,000 cases).", DefaultValueFactory = _ => 90 };
        var store = new Option<string>("--store") { Description = "The silo's grain storage: sqlite (the embedded store, the product's default, in a temporary file) or memory (everything stored stays in the silo's memory, so stored history counts as growth).", DefaultValueFactory = _ => "sqlite" };
        var settle = new Option<int>("--settle") { Description = "Seconds of idle before each resident-memory reading (the least reading counts).", DefaultValueFactory = _ => 16 };
        var command = new Command("fuzz", "Publish malformed and hostile input and check the silo survives it and its counters reconcile.")
        {
            messages, paho, requests, hugeEvery, seed, connections, broker, api, settle, warmUpSeconds, store,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new FuzzSettings(Math.Max(100, parse.GetValue(messages)), Math.Max(0, parse.GetValue(paho)), Math.Max(0, parse.GetValue(requests)),
                parse.GetValue(hugeEvery), parse.GetValue(seed), Math.Max(1, parse.GetValue(connections)), Math.Max(1, parse.GetValue(settle)),
                Math.Max(0, parse.GetValue(warmUpSeconds)));
            var brokerText = parse.GetValue(broker);
            var apiText = parse.GetValue(api);
            if (brokerText is null != apiText is null)
            {
                Console.Error.WriteLine("dt fuzz: give --broker and --api together, or neither to start a silo.");
                return 1;
            }
            var storeName = parse.GetValue(store)?.ToLowerInvariant();
            if (storeName is not ("sqlite" or "memory"))
            {
                Console.Error.WriteLine("dt fuzz: --store is sqlite or memory.");
                return 1;
            }
            var folder = Directory.CreateTempSubdirectory("dt-fuzz-");
            try
            {
                if (brokerText is not null) return await RunAsync(BenchIngestCommand.ParseEndpoint(brokerText), new Uri(apiText!), null, settings, cancellationToken);
                // The embedded store by default, as a silo is run: with the memory store every stored history minute
                // of every accepted metric stays in the silo's memory, which is storage growing, not the silo.
                var siloSettings = storeName == "sqlite"
                    ? new Dictionary<string, string> { ["DigitalTwin:Storage:Provider"] = "Sqlite", ["DigitalTwin:Storage:SqlitePath"] = Path.Combine(folder.FullName, "twins.db") }
                    : null;
                await using var silo = await LocalSilo.StartAsync(cancellationToken, siloSettings);
                Console.Error.WriteLine($"fuzz: grain storage {storeName}");
                return await RunAsync(silo.Broker, silo.Api, silo, settings, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt fuzz: {ex.Message}");
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

    // Warm-up cases are numbered from here (the paho series start at 0 and 1,000,000,000 past the MQTTnet ones).
    private const long WarmUpCases = 2_000_000_000L;

    private sealed record FuzzSettings(long Messages, int PahoMessages, int HttpRequests, int HugeEvery, int Seed, int Connections, int SettleSeconds, int WarmUpSeconds);

    private static async Task<int> RunAsync(IPEndPoint broker, Uri api, LocalSilo? silo, FuzzSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };
        var twins = await BenchIngestCommand.ImportTopologyAsync(http, 200, cancellationToken);
        var cases = new HostileTelemetry(twins, settings.Seed, settings.HugeEvery);
        var mqtt = new MqttNetFuzzer(broker, settings.Connections, inflight: 16);
        var tally = new FuzzTally();
        var pahoTally = new FuzzTally();
        var unreconciled = 0L;

        var topology = TopologyFile.ToYaml(TopologyGenerator.Generate(1, 2, 4, withComponents: true));
        var httpFuzz = new HttpFuzzer(http, topology, settings.Seed);
        var paho = settings.PahoMessages > 0 && PahoFuzzer.Available();
        if (!paho && settings.PahoMessages > 0) Console.Error.WriteLine("fuzz: paho-mqtt not found (apt-get install python3-paho-mqtt); the strict-client phase is skipped");

        // Warm-up (counted and checked like the rest): every path once (MQTTnet, paho, HTTP) for JIT, activations and
        // buffers, then more cases until --warm-up-seconds have passed; the memory baseline is taken after it. Its cases
        // are numbered apart (WarmUpCases on), so the --messages cases that follow the baseline are the same whatever
        // the warm-up's length, and all of them come after it.
        var warmUp = Math.Min(20_000, settings.Messages / 10);
        var pahoWarmUp = paho ? Math.Min(500, settings.PahoMessages) : 0;
        var start = await IngestionCounts.ReadAsync(http, cancellationToken);
        var initial = silo?.ResidentBytes() ?? 0;
        var warmUpClock = System.Diagnostics.Stopwatch.StartNew();
        await mqtt.RunAsync(cases, WarmUpCases, warmUp, tally, cancellationToken);
        while (warmUpClock.Elapsed.TotalSeconds < settings.WarmUpSeconds)
        {
            await mqtt.RunAsync(cases, WarmUpCases + warmUp, 5_000, tally, cancellationToken);
            warmUp += 5_000;
        }
        var afterWarmUpMqtt = await QuietCountsAsync(http, cancellationToken);
        if (paho) await PahoPhaseAsync(broker, cases, settings.Messages, 0, pahoWarmUp, pahoTally, cancellationToken);
        await httpFuzz.RunAsync(Math.Min(50, settings.HttpRequests), cancellationToken);
        var baseline = await SettledResidentBytesAsync(silo, http, settings.SettleSeconds, cancellationToken);
        Console.Error.WriteLine($"fuzz: {twins.Count} twins; warm-up {warmUp} + {2 * pahoWarmUp} cases in {warmUpClock.Elapsed.TotalSeconds:F0} s; resident memory {initial / 1048576.0:F1} MB before it, baseline {baseline / 1048576.0:F1} MB after it");
        var beforeMqtt = await IngestionCounts.ReadAsync(http, cancellationToken);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await mqtt.RunAsync(cases, 0, settings.Messages, tally, cancellationToken);
        var afterMqtt = await QuietCountsAsync(http, cancellationToken);
        var mqttDelta = afterMqtt.Minus(beforeMqtt).Plus(afterWarmUpMqtt.Minus(start));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: MQTTnet {tally.Sent + tally.OverLimit} cases in {clock.Elapsed.TotalSeconds:F0} s: {tally.Accepted} accepted, {tally.Refused} refused, {tally.OverLimit} over the packet limit; silo counted {mqttDelta.Received} received, {mqttDelta.Applied} applied, {mqttDelta.Rejected} refused, {mqttDelta.Failed} failed"));
        // MQTT 5 answers tell refusals apart: they must match the silo's count exactly.
        unreconciled += Math.Abs(tally.Refused + tally.OverLimit - (mqttDelta.Rejected + mqttDelta.Failed));
        unreconciled += Math.Abs(tally.Accepted - (mqttDelta.Applied + mqttDelta.CommandAcks));

        if (paho) await PahoPhaseAsync(broker, cases, settings.Messages, pahoWarmUp, settings.PahoMessages - pahoWarmUp, pahoTally, cancellationToken);

        await httpFuzz.RunAsync(Math.Max(0, settings.HttpRequests - 50), cancellationToken);

        var end = await QuietCountsAsync(http, cancellationToken);
        var total = end.Minus(start);
        // Every message that reached the silo was answered (or refused by closing its connection): the silo must have
        // received exactly those, and given each one outcome.
        unreconciled += Math.Abs(total.Received - (tally.Answered + tally.OverLimit + pahoTally.Answered));
        unreconciled += Math.Abs(total.Received - total.Outcomes) + tally.Unanswered + pahoTally.Unanswered;
        var crashes = silo is { HasExited: true } || !await HealthyAsync(http, cancellationToken) ? 1 : 0;
        var final = crashes == 0 ? await SettledResidentBytesAsync(silo, http, settings.SettleSeconds, cancellationToken) : 0;
        var growth = silo is null ? double.NaN : Math.Max(0, final - baseline) / 1048576.0;
        var tried = tally.Sent + tally.OverLimit + pahoTally.Sent + httpFuzz.Tried;
        var rejected = total.Rejected + total.Failed + httpFuzz.Refused;
        var invalid = tally.InvalidPackets + pahoTally.InvalidPackets;

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: in all {total.Received} received, {total.Applied} applied, {total.CommandAcks} command acks, {total.Rejected} refused, {total.Failed} failed, {total.InFlight} in flight; " +
            $"HTTP {httpFuzz.Tried} requests, {httpFuzz.Refused} refused, {httpFuzz.ServerErrors} server errors; unexpected disconnects {tally.UnexpectedDisconnects}; paho {pahoTally.Sent} sent, {pahoTally.Answered} acknowledged; resident memory {final / 1048576.0:F1} MB"));
        foreach (var problem in tally.Problems().Concat(pahoTally.Problems()).Concat(httpFuzz.Problems)) Console.Error.WriteLine("fuzz: " + problem);
        if (silo is not null && (total.Failed > 0 || httpFuzz.ServerErrors > 0)) Console.Error.WriteLine("fuzz: the silo's last words:\n" + silo.Tail());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FUZZ tried={tried} crashes={crashes} rejected={rejected} unreconciled={unreconciled} invalid_packets={invalid} rss_growth_mb={growth:F1}"));
        var clean = crashes == 0 && unreconciled == 0 && invalid == 0 && tally.UnexpectedDisconnects == 0 && httpFuzz.ServerErrors == 0;
        return clean ? 0 : 4;
    }

    // paho cases follow the MQTTnet ones (numbered from firstCase), one series per protocol version.
    private static async Task PahoPhaseAsync(IPEndPoint broker, HostileTelemetry cases, long firstCase, int from, int count, FuzzTally tally, CancellationToken cancellationToken)
    {
        foreach (var (version, series) in new[] { ("5", 0L), ("311", 1_000_000_000L) })
        {
            var pahoCases = Enumerable.Range(from, count).Select(i => cases.Create(firstCase + series + i)).Where(c => !c.OverPacketLimit);
            await PahoFuzzer.RunAsync(broker, version, pahoCases, tally, cancellationToken);
        }
    }

    // Waits until no message is in flight (and the counters stopped moving), then reads them.
    private static async Task<IngestionCounts> QuietCountsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var previous = await IngestionCounts.ReadAsync(http, cancellationToken);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(200, cancellationToken);
            var now = await IngestionCounts.ReadAsync(http, cancellationToken);
            if (now.InFlight == 0 && now == previous) return now;
            previous = now;
        }
        return previous;
    }

    // Resident memory once the silo has been idle a moment: the least of several readings over a few seconds
    // (the garbage collector returns memory in its own time, and the silo trims after 5 s idle).
    private static async Task<long> SettledResidentBytesAsync(LocalSilo? silo, HttpClient http, int seconds, CancellationToken cancellationToken)
    {
        if (silo is null) return 0;
        await QuietCountsAsync(http, cancellationToken);
        return await silo.LeastResidentBytesAsync(seconds, cancellationToken);
    }

    private static async Task<bool> HealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("healthz", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
