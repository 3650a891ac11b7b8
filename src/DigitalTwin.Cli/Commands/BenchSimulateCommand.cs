using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Cli.Evaluation;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt bench simulate</c>: what a what-if costs on the 500-server demo data centre (two rooms, components
/// included, about 4,100 twins). Starts a silo of its own whose demo runs the data-centre simulator on an accelerated
/// clock, lets the twin mirror it for a while (so calibration reads real history), then runs a CRAC failure scenario
/// on the whole data centre (1 h at 10 s steps) several times over HTTP and prints the median of the fork and
/// simulate times the scenario grain measured itself. The first run, which reads the history and calibrates, is
/// reported apart on standard error; later runs reuse the rooms' calibration (DigitalTwin:Scenarios:CalibrationMaxAge).
/// </summary>
internal static class BenchSimulateCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Scenario runs; the median is printed.", DefaultValueFactory = _ => 5 };
        var servers = new Option<int>("--servers") { Description = "Servers in the simulated data centre (two rooms).", DefaultValueFactory = _ => 500 };
        var warmup = new Option<double>("--warmup") { Description = "Simulated hours the twin mirrors the simulator first.", DefaultValueFactory = _ => 0.5 };
        var command = new Command("simulate", "Measure forking and simulating a what-if scenario on the 500-server demo data centre.") { runs, servers, warmup };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var world = new WorldOptions(Servers: Math.Max(1, parse.GetValue(servers)), Rooms: 2, TimeScale: 20, IntervalS: 20, ComponentIntervalS: 600);
                await using var simulated = await SimulatedWorld.StartAsync(world, cancellationToken);
                await simulated.WaitUntilAsync(Math.Max(0, parse.GetValue(warmup)) * 3600, cancellationToken, "mirroring");
                return await RunAsync(simulated, Math.Max(1, parse.GetValue(runs)), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt bench simulate: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(SimulatedWorld world, int runs, CancellationToken cancellationToken)
    {
        var http = world.Http;
        using var topology = JsonDocument.Parse(await http.GetStringAsync("api/topology", cancellationToken));
        var entries = topology.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString()!, Kind: e.GetProperty("kind").GetString()!)).ToList();
        string Of(string kind) => entries.First(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase)).Id;
        var root = Of("datacentre");
        var crac = Of("crac");
        var serverCount = entries.Count(e => string.Equals(e.Kind, "server", StringComparison.OrdinalIgnoreCase));
        Console.Error.WriteLine($"bench: {serverCount} servers, {entries.Count} twins; scenario: {crac} fails, 3600 s at 10 s, {runs} runs after one that calibrates");

        var forks = new List<double>();
        var simulations = new List<double>();
        var steps = 0;
        for (var n = 0; n <= runs; n++)
        {
            var id = $"bench-{Environment.ProcessId}-{n}";
            using var response = await http.PostAsJsonAsync($"api/scenarios?id={id}", new { rootId = root, fail = new[] { crac }, horizonS = 3600, stepS = 10 }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"the scenario was refused: {(int)response.StatusCode} {body}");
            using var answer = JsonDocument.Parse(body);
            var timings = answer.RootElement.GetProperty("timings");
            double fork = timings.GetProperty("forkMs").GetDouble(), simulate = timings.GetProperty("simulateMs").GetDouble();
            steps = timings.GetProperty("steps").GetInt32();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: run {n}{(n == 0 ? " (reads history, calibrates)" : "")}: fork {fork:F1} ms ({timings.GetProperty("twinsForked").GetInt32()} of {timings.GetProperty("twinsInSubtree").GetInt32()} twins), simulate {simulate:F1} ms ({timings.GetProperty("runs").GetInt32()} model runs), first limit {(answer.RootElement.GetProperty("firstLimitS").ValueKind == JsonValueKind.Null ? "none" : answer.RootElement.GetProperty("firstLimitS").GetDouble().ToString("F0", CultureInfo.InvariantCulture) + " s")}"));
            if (n > 0)
            {
                forks.Add(fork);
                simulations.Add(simulate);
            }
            using var ended = await http.DeleteAsync($"api/scenarios/{id}", cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SIMULATE servers={serverCount} twins={entries.Count} fork_ms={Median(forks):F1} simulate_ms={Median(simulations):F1} steps={steps}"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
