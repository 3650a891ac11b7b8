using System.Net.Http.Headers;
using System.Xml.Linq;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// samples/ClientSample is what an integrator writes: its project references DigitalTwin.Abstractions and no other
/// project of the twin, and run against a silo process it reads a rack, prints the rack's changes as readings
/// arrive, and runs a CRAC-failure scenario.
/// </summary>
public sealed class Client_sample_builds_against_the_contracts_alone_and_follows_a_live_rack : IDisposable
{
    private static readonly string SampleFolder = RepositoryLayout.Sample("ClientSample");
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-client-sample-").FullName;

    [Fact]
    public void The_sample_references_the_contracts_assembly_and_no_other_project_of_the_twin()
    {
        var project = XDocument.Load(Path.Combine(SampleFolder, "ClientSample.csproj"));
        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
        Assert.Equal(["DigitalTwin.Abstractions.csproj"], references);

        // Nothing of the twin reaches the build output by any other road (a package, a transitive reference).
        var built = Path.Combine(SampleFolder, "bin", RepositoryLayout.Configuration, "net10.0");
        var ours = Directory.GetFiles(built, "DigitalTwin.*.dll").Select(Path.GetFileName).ToList();
        Assert.Equal(["DigitalTwin.Abstractions.dll"], ours);
    }

    [Fact]
    public async Task The_sample_prints_a_live_racks_changes_and_a_scenario_answer()
    {
        var p = "cs" + Guid.NewGuid().ToString("N")[..6];
        string Id(string name) => $"{p}-{name}";
        var topology = $$"""
            apiVersion: digitaltwin/v1
            twins:
              - { id: {{Id("dc")}}, kind: datacentre }
              - { id: {{Id("room")}}, kind: room, parent: {{Id("dc")}}, rated: { volume_m3: 400 } }
              - { id: {{Id("crac")}}, kind: crac, parent: {{Id("room")}}, position: { row: C, slot: 1 }, rated: { cooling_capacity_w: 30000 } }
              - { id: {{Id("r1")}}, kind: rack, parent: {{Id("room")}}, position: { row: A, slot: 1 }, rated: { power_budget_w: 10000 }, cooling: [ {{Id("crac")}} ] }
              - { id: {{Id("s1")}}, kind: server, parent: {{Id("r1")}}, rated: { nameplate_power_w: 800 }, limits: { inlet_temp_c: { warnAbove: 27, criticalAbove: 32 } } }
            """;
        await using var silo = await SiloProcess.StartAsync(_workDir);
        using var body = new StringContent(topology);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var import = await silo.Http.PostAsync("/api/topology", body);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        await using var client = await ExternalClient.ConnectAsync(silo.Ports.Gateway);
        var server = client.Client.GetGrain<IAssetGrain>(Id("s1"));
        await server.IngestAsync(new TelemetryBatch(Id("s1"), [new Reading(MetricNames.Power, 300, DateTimeOffset.UtcNow), new Reading(MetricNames.InletTemperature, 22, DateTimeOffset.UtcNow)]));
        // The server reports to its rack on a cadence, not per reading: wait for the rack to have heard it, so the
        // sample's first read sees a rack with a rollup (on a loaded machine the read could otherwise come first).
        var rack = client.Client.GetTwin(Id("r1"), TwinKind.Rack);
        var heard = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await rack.GetSnapshotAsync()).Rollup?.ItPowerW is not 300.0 && DateTime.UtcNow < heard) await Task.Delay(200);

        var sample = CliProcess.RunAssemblyAsync(Path.Combine(SampleFolder, "bin", RepositoryLayout.Configuration, "net10.0", "ClientSample.dll"),
            ["--gateway", $"127.0.0.1:{silo.Ports.Gateway}", "--rack", Id("r1"), "--changes", "2", "--for", "00:01:30"], TimeSpan.FromMinutes(3));
        var power = 300.0;
        while (!sample.IsCompleted)
        {
            power += 10;
            await server.IngestAsync(new TelemetryBatch(Id("s1"), [new Reading(MetricNames.Power, power, DateTimeOffset.UtcNow)]));
            await Task.WhenAny(sample, Task.Delay(500));
        }
        var run = await sample;

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"rack {Id("r1")} at {Id("dc")} / {Id("room")} / {Id("r1")}: health Ok", lines[0]);
        var changes = lines.Where(l => l.StartsWith($"change {Id("r1")} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Contains(" Rollup ", StringComparison.Ordinal) && !c.Contains("IT power 300 W", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("scenario sample-", StringComparison.Ordinal) && l.Contains($"{Id("crac")} fails in {Id("room")}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{Id("r1")}: peak inlet ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
