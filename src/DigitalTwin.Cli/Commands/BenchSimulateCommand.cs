using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
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
/// <c>dt bench simulate</c>: what a what-if costs on a 500-server data centre (two rooms, components included, about
/// 5,000 twins). Starts a silo of its own, imports the topology, gives every server and CRAC a reading over MQTT,
/// then runs a CRAC failure scenario on the whole data centre (1 h at 10 s steps) several times over HTTP and prints
/// the median of the fork and simulate times the scenario grain measured itself.
/// </summary>
internal static class BenchSimulateCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Scenario runs; the median is printed.", DefaultValueFactory = _ => 5 };
        var servers = new Option<int>("--servers") { Description = "Servers in the generated data centre (two rooms).", DefaultValueFactory = _ => 500 };
        var command = new Command("simulate", "Measure forking and simulating a what-if scenario on a 500-server data centre.") { runs, servers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var silo = await LocalSilo.StartAsync(cancellationToken);
                return await RunAsync(silo, Math.Max(1, parse.GetValue(runs)), Math.Max(24, parse.GetValue(servers)), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt bench simulate: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(LocalSilo silo, int runs, int servers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = silo.Api, Timeout = TimeSpan.FromMinutes(5) };
        // The demo's shape: two rooms of twelve racks with every server's nine components.
        var perRack = (int)Math.Ceiling(servers / 24.0);
        var document = TopologyGenerator.Generate(2, 12, perRack, withComponents: true);
        using (var content = new StringContent(TopologyFile.ToYaml(document), Encoding.UTF8, "application/yaml"))
        using (var import = await http.PostAsync("api/topology", content, cancellationToken))
        {
            if (!import.IsSuccessStatusCode) throw new InvalidOperationException($"import failed: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync(cancellationToken)}");
        }
        await FeedAsync(silo, document, cancellationToken);
        var root = document.Twins.Single(t => t.Kind == TwinKind.DataCentre).Id;
        var crac = document.Twins.First(t => t.Kind == TwinKind.Crac).Id;
        var serverCount = document.Twins.Count(t => t.Kind == TwinKind.Server);
        Console.Error.WriteLine($"bench: {serverCount} servers, {document.Twins.Count} twins; scenario: {crac} fails, 3600 s at 10 s, {runs} runs");

        var forks = new List<double>();
        var simulations = new List<double>();
        var steps = 0;
        for (var n = 0; n < runs; n++)
        {
            var id = $"bench-{Environment.ProcessId}-{n}";
            using var response = await http.PostAsJsonAsync($"api/scenarios?id={id}", new { rootId = root, fail = new[] { crac }, horizonS = 3600, stepS = 10 }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"the scenario was refused: {(int)response.StatusCode} {body}");
            using var answer = JsonDocument.Parse(body);
            var timings = answer.RootElement.GetProperty("timings");
            forks.Add(timings.GetProperty("forkMs").GetDouble());
            simulations.Add(timings.GetProperty("simulateMs").GetDouble());
            steps = timings.GetProperty("steps").GetInt32();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: run {n + 1}: fork {forks[^1]:F1} ms ({timings.GetProperty("twinsForked").GetInt32()} of {timings.GetProperty("twinsInSubtree").GetInt32()} twins), simulate {simulations[^1]:F1} ms ({timings.GetProperty("runs").GetInt32()} model runs), first limit {(answer.RootElement.GetProperty("firstLimitS").ValueKind == JsonValueKind.Null ? "none" : answer.RootElement.GetProperty("firstLimitS").GetDouble().ToString("F0", CultureInfo.InvariantCulture) + " s")}"));
            using var ended = await http.DeleteAsync($"api/scenarios/{id}", cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SIMULATE servers={serverCount} twins={document.Twins.Count} fork_ms={Median(forks):F1} simulate_ms={Median(simulations):F1} steps={steps}"));
        return 0;
    }

    /// <summary>One reading per server (inlet, outlet, power) and per CRAC, so the fork copies live values.</summary>
    private static async Task FeedAsync(LocalSilo silo, TopologyDocument document, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(silo.Broker.Address.ToString(), silo.Broker.Port)
            .WithClientId($"dt-bench-simulate-{Environment.ProcessId}").WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), cancellationToken);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var twins = document.Twins.Where(t => t.Kind is TwinKind.Server or TwinKind.Crac).ToList();
        foreach (var chunk in twins.Chunk(25))
        {
            var payload = new StringBuilder($"{{\"ts\":{ts},\"twins\":{{");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) payload.Append(',');
                payload.Append('"').Append(chunk[i].Id).Append("\":").Append(chunk[i].Kind == TwinKind.Server
                    ? $"{{\"inlet_temp_c\":{22 + i % 5 * 0.3},\"outlet_temp_c\":{34 + i % 3},\"power_w\":{300 + i % 7 * 20}}}"
                    : "{\"supply_temp_c\":18,\"return_temp_c\":30,\"setpoint_c\":18,\"fan_pct\":100}");
            }
            payload.Append("}}");
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("dt/telemetry").WithPayload(payload.ToString())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        }
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
