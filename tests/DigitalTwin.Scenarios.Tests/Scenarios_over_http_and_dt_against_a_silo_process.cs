using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitalTwin.Scenarios.Tests.Support;
using DigitalTwin.Testing.Processes;
using DigitalTwin.Topology;

namespace DigitalTwin.Scenarios.Tests;

/// <summary>The real silo process and the real <c>dt</c>: scenarios over HTTP and from the command line.</summary>
public sealed class Scenarios_over_http_and_dt_against_a_silo_process : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-scenario-silo-").FullName;

    [Fact]
    public async Task Post_get_delete_and_dt_scenario_run_json_answer_with_the_interface_names()
    {
        var hall = new ScenarioHall();
        var ports = SiloPorts.Allocate();
        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string> { ["DigitalTwin:Storage:Provider"] = "Memory" }, ports);
        var import = await silo.Http.PostAsync("/api/topology", new StringContent(TopologyFile.ToYaml(hall.Document()), Encoding.UTF8, "application/yaml"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var posted = await silo.Http.PostAsJsonAsync($"/api/scenarios?id=http-{hall.P}", new { rootId = hall.DataCentre, fail = new[] { hall.Crac(1) }, horizonS = 1800 });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal($"/api/scenarios/http-{hall.P}", posted.Headers.Location?.ToString());
        using (var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()))
        {
            foreach (var name in new[] { "scenarioId", "firstLimitS", "racks", "affectedServers", "services", "feeds", "mitigation", "calibration" })
            {
                Assert.True(answer.RootElement.TryGetProperty(name, out _), $"the answer has no '{name}'");
            }
            var rack = answer.RootElement.GetProperty("racks")[0];
            foreach (var name in new[] { "id", "timeToLimitS", "peakInletC", "series", "airHeadroomPct" }) Assert.True(rack.TryGetProperty(name, out _), $"a rack has no '{name}'");
        }
        var held = await silo.Http.GetAsync($"/api/scenarios/http-{hall.P}");
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var bad = await silo.Http.PostAsJsonAsync("/api/scenarios", new { rootId = hall.DataCentre, fail = new[] { $"{hall.P}-nothing" }, stepS = 0.1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using (var refusal = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var codes = refusal.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
            Assert.Contains("invalid_step", codes);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await silo.Http.DeleteAsync($"/api/scenarios/http-{hall.P}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"/api/scenarios/http-{hall.P}")).StatusCode);

        var run = await CliProcess.RunAsync(["scenario", "run", "--root", hall.DataCentre, "--fail", hall.Crac(1), "--horizon", "1800",
            "--json", "--gateway", $"127.0.0.1:{ports.Gateway}"], TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.StandardError + silo.Output);
        using var printed = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(hall.DataCentre, printed.RootElement.GetProperty("rootId").GetString());
        Assert.Equal(ScenarioHall.Racks, printed.RootElement.GetProperty("racks").GetArrayLength());
        Assert.Equal(1800 / 10 + 1, printed.RootElement.GetProperty("racks")[0].GetProperty("series").GetArrayLength());

        var refused = await CliProcess.RunAsync(["scenario", "run", "--root", hall.DataCentre, "--load", $"{hall.Server(1, 1)}=-2",
            "--gateway", $"127.0.0.1:{ports.Gateway}"], TimeSpan.FromSeconds(120));
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("invalid_value", refused.StandardError);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
