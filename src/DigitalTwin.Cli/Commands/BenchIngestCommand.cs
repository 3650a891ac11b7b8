using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Cli.Client;
using DigitalTwin.Topology;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt bench ingest</c>: telemetry through real MQTT into real twins, from a separate process. It measures, in
/// one run and against one broker: the raw broker (QoS 1 publishes on <c>dt/bench/raw</c>, which the broker routes
/// without twin processing), full ingestion as fast as it goes, then ingestion at half that rate for latency.
/// Points are counted as applied from the silo's own counters (<c>GET /api/ingestion/stats</c>), never assumed;
/// latency is publish → applied, from the timestamp each message carries to the moment its twin applied it.
/// </summary>
internal static class BenchIngestCommand
{
    private const string Raw = "dt/bench/raw";

    public static Command Create()
    {
        var broker = new Option<string?>("--broker") { Description = "host:port of a running silo's MQTT broker (default: start a silo)." };
        var api = new Option<string?>("--api") { Description = "The running silo's HTTP base address, e.g. http://127.0.0.1:5080 (with --broker)." };
        var seconds = new Option<double>("--seconds") { Description = "Length of the full-load phase; the other phases are scaled from it.", DefaultValueFactory = _ => 10 };
        var publishers = new Option<int>("--publishers") { Description = "MQTT connections publishing (one connection is handled serially by the broker).", DefaultValueFactory = _ => 8 };
        var inflight = new Option<int>("--inflight") { Description = "QoS 1 publishes in flight per connection.", DefaultValueFactory = _ => 16 };
        var readings = new Option<int>("--readings") { Description = "Readings per message.", DefaultValueFactory = _ => 20 };
        var servers = new Option<int>("--servers") { Description = "Server twins the messages are spread over.", DefaultValueFactory = _ => 500 };
        var ackMode = new Option<string>("--ack-mode") { Description = "applied | durable: the started silo's DigitalTwin:Mqtt:AckMode.", DefaultValueFactory = _ => "applied" };
        ackMode.AcceptOnlyFromAmong("applied", "durable");
        var store = new Option<string>("--store") { Description = "memory | sqlite | postgres: the started silo's store (postgres: a scratch database on the root --postgres server, else on a private PostgreSQL).", DefaultValueFactory = _ => "memory" };
        store.AcceptOnlyFromAmong("memory", "sqlite", "postgres");
        var command = new Command("ingest", "Publish telemetry through real MQTT and measure ingestion.")
        {
            broker, api, seconds, publishers, inflight, readings, servers, ackMode, store,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Settings(
                parse.GetValue(seconds), Math.Max(1, parse.GetValue(publishers)), Math.Max(1, parse.GetValue(inflight)),
                Math.Clamp(parse.GetValue(readings), 1, 500), Math.Max(20, parse.GetValue(servers)));
            var brokerText = parse.GetValue(broker);
            var apiText = parse.GetValue(api);
            if (brokerText is null != apiText is null)
            {
                Console.Error.WriteLine("dt bench ingest: give --broker and --api together, or neither to start a silo.");
                return 1;
            }
            try
            {
                if (brokerText is not null) return await RunAsync(ParseEndpoint(brokerText), new Uri(apiText!), settings, cancellationToken);
                var siloSettings = new Dictionary<string, string> { ["DigitalTwin:Mqtt:AckMode"] = parse.GetValue(ackMode) == "durable" ? "Durable" : "Applied" };
                await using var database = parse.GetValue(store) == "postgres"
                    ? await ScratchDatabase.CreateAsync(parse.GetValue(ClusterConnection.Postgres), "bench", cancellationToken)
                    : null;
                var folder = Directory.CreateTempSubdirectory("dt-bench-");
                try
                {
                    if (database is not null)
                    {
                        siloSettings["DigitalTwin:Storage:Provider"] = "Postgres";
                        siloSettings["DigitalTwin:Storage:ConnectionString"] = database.ConnectionString;
                    }
                    else if (parse.GetValue(store) == "sqlite")
                    {
                        siloSettings["DigitalTwin:Storage:Provider"] = "Sqlite";
                        siloSettings["DigitalTwin:Storage:SqlitePath"] = Path.Combine(folder.FullName, "bench.db");
                    }
                    Console.Error.WriteLine($"bench: {siloSettings["DigitalTwin:Mqtt:AckMode"]} acknowledgement, {parse.GetValue(store)} store");
                    await using var silo = await LocalSilo.StartAsync(cancellationToken, siloSettings);
                    return await RunAsync(silo.Broker, silo.Api, settings, cancellationToken);
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt bench ingest: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    internal sealed record Settings(double Seconds, int Publishers, int Inflight, int Readings, int Servers);

    private static async Task<int> RunAsync(IPEndPoint broker, Uri api, Settings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };
        var twins = await ImportTopologyAsync(http, settings.Servers, cancellationToken);
        var metrics = Metrics(settings.Readings);
        var clients = await Task.WhenAll(Enumerable.Range(0, settings.Publishers).Select(i => ConnectAsync(broker, i, cancellationToken)));
        try
        {
            var phase = TimeSpan.FromSeconds(settings.Seconds);
            Console.Error.WriteLine($"bench: {twins.Count} twins, {settings.Publishers} connections × {settings.Inflight} in flight, {settings.Readings} readings per message, QoS 1");

            // Warm-up: JIT, twin activations, connection buffers.
            await PublishAsync(clients, settings, twins, metrics, TimeSpan.FromSeconds(Math.Min(3, settings.Seconds / 3)), null, raw: false, cancellationToken);

            var rawRun = await PublishAsync(clients, settings, twins, metrics, phase * 0.6, null, raw: true, cancellationToken);
            var rawRate = rawRun.Messages / rawRun.Elapsed.TotalSeconds;

            var beforeFull = await StatsAsync(http, cancellationToken);
            var full = await PublishAsync(clients, settings, twins, metrics, phase, null, raw: false, cancellationToken);
            var afterFull = await StatsAsync(http, cancellationToken);
            var appliedFull = afterFull.AppliedPoints - beforeFull.AppliedPoints;
            var pointsRate = appliedFull / full.Elapsed.TotalSeconds;
            var messagesRate = (afterFull.AppliedMessages - beforeFull.AppliedMessages) / full.Elapsed.TotalSeconds;

            var half = await PublishAsync(clients, settings, twins, metrics, phase * 0.6, messagesRate / 2, raw: false, cancellationToken);
            var afterHalf = await StatsAsync(http, cancellationToken);
            var appliedHalf = afterHalf.AppliedPoints - afterFull.AppliedPoints;

            var lost = full.Messages * settings.Readings + half.Messages * settings.Readings - appliedFull - appliedHalf;
            var rejected = afterHalf.Rejected - beforeFull.Rejected;
            var fullLatency = Delta(afterFull.Buckets, beforeFull.Buckets);
            var halfLatency = Delta(afterHalf.Buckets, afterFull.Buckets);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: raw {rawRun.Messages} msgs in {rawRun.Elapsed.TotalSeconds:F1} s; full load {full.Messages} msgs acknowledged, {appliedFull} points applied in {full.Elapsed.TotalSeconds:F1} s (p50 {Percentile(fullLatency, 0.5):F1} ms, p99 {Percentile(fullLatency, 0.99):F1} ms); " +
                $"half load {half.Messages / half.Elapsed.TotalSeconds:F0} msgs/s, {appliedHalf} points applied; rejected {rejected}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"INGEST points_per_s={pointsRate:F0} msgs_per_s={messagesRate:F0} raw_broker_msgs_per_s={rawRate:F0} ratio={messagesRate / rawRate:F3} p50_ms={Percentile(halfLatency, 0.5):F1} p99_ms={Percentile(halfLatency, 0.99):F1} lost={lost}"));
            return lost == 0 ? 0 : 4;
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                client.Dispose();
            }
        }
    }

    /// <summary>The metric names of a benchmark message with <paramref name="readings"/> readings.</summary>
    internal static string[] Metrics(int readings) => Enumerable.Range(0, readings).Select(i => i switch
    {
        0 => "inlet_temp_c",
        1 => "outlet_temp_c",
        2 => "power_w",
        3 => "util_pct",
        4 => "fan_rpm",
        _ => $"aux_{i:00}",
    }).ToArray();

    internal sealed record PhaseResult(long Messages, TimeSpan Elapsed);

    /// <summary>
    /// Publishes from every connection with several publishes in flight each until <paramref name="length"/> has
    /// passed, at <paramref name="rate"/> messages per second in all when given. Counts acknowledged messages only;
    /// the elapsed time runs until the last acknowledgement.
    /// </summary>
    internal static async Task<PhaseResult> PublishAsync(IMqttClient[] clients, Settings settings, IReadOnlyList<string> twins, string[] metrics,
        TimeSpan length, double? rate, bool raw, CancellationToken cancellationToken)
    {
        long acknowledged = 0;
        long failed = 0;
        var loops = clients.Length * settings.Inflight;
        var interval = rate is > 0 ? TimeSpan.FromSeconds(loops / rate.Value) : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async loop =>
        {
            var client = clients[loop % clients.Length];
            var payload = new StringBuilder(64 + metrics.Length * 24);
            var next = clock.Elapsed + interval * Random.Shared.NextDouble();
            for (var n = 0; clock.Elapsed < length && !cancellationToken.IsCancellationRequested; n++)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                    next += interval;
                }
                var twin = twins[(loop * 7919 + n) % twins.Count];
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(raw ? Raw : $"dt/telemetry/{twin}")
                    .WithPayload(Payload(payload, metrics, n))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                var result = await client.PublishAsync(message, cancellationToken);
                if (result.IsSuccess) Interlocked.Increment(ref acknowledged);
                else if (Interlocked.Increment(ref failed) == 1) Console.Error.WriteLine($"bench: publish refused: {result.ReasonCode} {result.ReasonString}");
            }
        }));
        return new PhaseResult(acknowledged, clock.Elapsed);
    }

    // {"ts":<epoch ms now>,"readings":{"inlet_temp_c":22.5,...}}: the timestamp is the publish time, so the silo's
    // latency histogram measures publish → applied.
    internal static string Payload(StringBuilder text, string[] metrics, int n)
    {
        text.Clear();
        text.Append("{\"ts\":").Append(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Append(",\"readings\":{");
        for (var i = 0; i < metrics.Length; i++)
        {
            if (i > 0) text.Append(',');
            text.Append('"').Append(metrics[i]).Append("\":").Append((20 + (n + i) % 17 * 0.5).ToString(CultureInfo.InvariantCulture));
        }
        return text.Append("}}").ToString();
    }

    internal static async Task<IMqttClient> ConnectAsync(IPEndPoint broker, int index, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Address.ToString(), broker.Port)
            .WithClientId($"dt-bench-{Environment.ProcessId}-{index}")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the benchmark's connection ({result.ResultCode}); the bench publishes anonymously");
        }
        return client;
    }

    /// <summary>Imports a generated topology (one room of 20-server racks, no components) and returns its server ids.</summary>
    internal static async Task<IReadOnlyList<string>> ImportTopologyAsync(HttpClient http, int servers, CancellationToken cancellationToken)
    {
        var document = GenerateTopology(servers);
        await ImportTopologyAsync(http, document, cancellationToken);
        return document.Twins.Where(t => t.Kind == TwinKind.Server).Select(t => t.Id).Take(servers).ToList();
    }

    /// <summary>One room of 20-server racks, no components, with at least <paramref name="servers"/> servers.</summary>
    internal static TopologyDocument GenerateTopology(int servers) => TopologyGenerator.Generate(1, (servers + 19) / 20, 20, withComponents: false);

    /// <summary>Imports <paramref name="document"/> over the silo's HTTP API, all or nothing.</summary>
    internal static async Task ImportTopologyAsync(HttpClient http, TopologyDocument document, CancellationToken cancellationToken)
    {
        using var content = new StringContent(TopologyFile.ToYaml(document), Encoding.UTF8, "application/yaml");
        using var response = await http.PostAsync("api/topology", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"importing the benchmark topology failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    internal sealed record Stats(long AppliedPoints, long AppliedMessages, long Rejected, Dictionary<double, long> Buckets);

    internal static async Task<Stats> StatsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("api/ingestion/stats", cancellationToken));
        var root = json.RootElement;
        var buckets = new Dictionary<double, long>();
        foreach (var bucket in root.GetProperty("latency_buckets").EnumerateArray())
        {
            buckets[bucket[0].GetDouble()] = (long)bucket[1].GetDouble();
        }
        var rejected = root.GetProperty("rejected").EnumerateObject().Sum(r => r.Value.GetInt64());
        return new Stats(root.GetProperty("applied_points").GetInt64(), root.GetProperty("applied_messages").GetInt64(), rejected, buckets);
    }

    private static SortedDictionary<double, long> Delta(Dictionary<double, long> after, Dictionary<double, long> before)
    {
        var delta = new SortedDictionary<double, long>();
        foreach (var (bound, count) in after)
        {
            var d = count - before.GetValueOrDefault(bound);
            if (d > 0) delta[bound] = d;
        }
        return delta;
    }

    private static double Percentile(SortedDictionary<double, long> buckets, double quantile)
    {
        var total = buckets.Values.Sum();
        if (total == 0) return double.NaN;
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        foreach (var (bound, count) in buckets)
        {
            seen += count;
            if (seen >= rank) return bound;
        }
        return buckets.Keys.Last();
    }

    internal static IPEndPoint ParseEndpoint(string text)
    {
        var cut = text.LastIndexOf(':');
        if (cut <= 0 || !int.TryParse(text[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new ArgumentException($"--broker must be host:port, not '{text}'");
        }
        var host = text[..cut];
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        return new IPEndPoint(address, port);
    }
}
