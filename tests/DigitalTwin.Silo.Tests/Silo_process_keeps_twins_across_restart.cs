using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// The README's main job, run as a user runs it: the silo process with its embedded store. A topology from samples/
/// imports over HTTP; readings arrive; after a stop and a start of the process the twins and their last readings
/// are still there.
/// </summary>
public sealed class Silo_process_keeps_twins_across_restart : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-silo-").FullName;

    [Fact]
    public async Task Imported_twins_and_last_readings_survive_a_stop_and_start()
    {
        var output = await RestartKeepsTwinsAsync(_workDir, settings: null);
        Assert.Contains("SQLite", output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Imports the sample, applies readings through an Orleans client, stops, starts, reads them back; returns the second run's output.</summary>
    internal static async Task<string> RestartKeepsTwinsAsync(string workDir, IReadOnlyDictionary<string, string>? settings)
    {
        var ports = SiloPorts.Allocate();
        var stamp = DateTimeOffset.UtcNow.AddSeconds(-5);
        await using (var silo = await SiloProcess.StartAsync(workDir, settings, ports))
        {
            var import = await silo.Http.PostAsync("/api/topology", new StringContent(DemoExcerpt.Yaml()));
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

            await using var client = await ExternalClient.ConnectAsync(ports.Gateway);
            var server = await FirstServerAsync(silo);
            var result = await client.Client.GetGrain<IAssetGrain>(server).IngestAsync(new TelemetryBatch(server,
                [new Reading(MetricNames.InletTemperature, 23.25, stamp), new Reading(MetricNames.Power, 431, stamp)]));
            Assert.Equal(2, result.Applied);
            await silo.StopAsync();
        }

        await using (var silo = await SiloProcess.StartAsync(workDir, settings, SiloPorts.Allocate()))
        {
            var server = await FirstServerAsync(silo);
            using var snapshot = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/twins/{server}"));
            var latest = snapshot.RootElement.GetProperty("latest");
            Assert.Equal(23.25, latest.GetProperty(MetricNames.InletTemperature).GetProperty("value").GetDouble());
            Assert.Equal(431, latest.GetProperty(MetricNames.Power).GetProperty("value").GetDouble());
            Assert.Equal(stamp.ToUnixTimeMilliseconds(),
                latest.GetProperty(MetricNames.Power).GetProperty("timestamp").GetDateTimeOffset().ToUnixTimeMilliseconds());
            var history = await silo.Http.GetFromJsonAsync<JsonElement>(
                $"/api/twins/{server}/history/{MetricNames.Power}?from={Uri.EscapeDataString(stamp.AddMinutes(-2).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
            var bucket = Assert.Single(history.EnumerateArray());
            Assert.Equal(431, bucket.GetProperty("max").GetDouble());

            // The operator's view of the same twin, through dt as an ordinary Orleans client.
            var shown = await CliProcess.RunAsync(["show", server, "--gateway", $"127.0.0.1:{silo.Ports.Gateway}"]);
            Assert.True(shown.ExitCode == 0, shown.StandardError);
            Assert.Contains(MetricNames.InletTemperature, shown.StandardOutput);
            Assert.Contains("23.25", shown.StandardOutput);
            return silo.Output;
        }
    }

    [Fact]
    public async Task Dashboard_is_served_at_slash_dashboard()
    {
        await using var silo = await SiloProcess.StartAsync(_workDir);
        using var response = await silo.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invalid_topology_is_refused_with_one_message_per_problem_and_changes_nothing()
    {
        await using var silo = await SiloProcess.StartAsync(_workDir);
        var before = await silo.Http.GetFromJsonAsync<JsonElement>("/api/topology");

        using var response = await silo.Http.PostAsync("/api/topology", new StringContent(File.ReadAllText(RepositoryLayout.Sample("invalid-topology.yaml"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var codes = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).OrderBy(c => c).ToList();
        Assert.Equal(["cycle", "duplicate_id", "unknown_parent"], codes);
        var after = await silo.Http.GetFromJsonAsync<JsonElement>("/api/topology");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("entries").GetArrayLength(), after.GetProperty("entries").GetArrayLength());
    }

    private static async Task<string> FirstServerAsync(SiloProcess silo)
    {
        var view = await silo.Http.GetFromJsonAsync<JsonElement>("/api/topology");
        return view.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "Server")
            .Select(e => e.GetProperty("id").GetString()!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .First();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
