using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>dt</c> as an operator runs it against a silo process: import, ls, find, show, alerts, predict answer in JSON,
/// and <c>dt watch</c> prints a rack's changes as readings arrive.
/// </summary>
public sealed class Dt_commands_read_and_follow_a_live_silo : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-cli-").FullName;

    [Fact]
    public async Task Dt_imports_lists_finds_shows_and_watches_a_rack_change_live()
    {
        var help = await CliProcess.RunAsync(["--help"]);
        foreach (var command in new[] { "ls", "show", "find", "alerts", "incidents", "predict", "watch", "import", "query", "topology", "db", "eval", "bench" })
        {
            Assert.Contains($"  {command} ", help.StandardOutput);
        }

        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string> { ["DigitalTwin:Security:Mode"] = "Open" });
        string[] gateway = ["--gateway", $"127.0.0.1:{silo.Ports.Gateway}"];
        var import = await CliProcess.RunAsync(["import", RepositoryLayout.Sample("demo-datacentre.yaml"), "--json", .. gateway]);
        Assert.True(import.ExitCode == 0, import.StandardError);
        Assert.True(JsonDocument.Parse(import.StandardOutput).RootElement.GetProperty("applied").GetBoolean());

        var ls = await Json(["ls", "--json", .. gateway]);
        var dataCentre = ls.EnumerateArray().Single().GetProperty("id").GetString()!;
        // A data centre's children are its rooms and the services that run in it.
        var children = await Json(["ls", dataCentre, "--json", .. gateway]);
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Room");
        Assert.All(children.EnumerateArray(), c => Assert.Contains(c.GetProperty("kind").GetString(), new[] { "Room", "Service" }));
        var servers = await Json(["find", "srv", "--kind", "server", "--json", .. gateway]);
        var server = servers.EnumerateArray().First();
        var serverId = server.GetProperty("id").GetString()!;
        var rack = server.GetProperty("parentId").GetString()!;

        // dt watch subscribes, then readings arrive until it has printed three changes of the rack
        // (the first may be its health turning Ok as readings arrive).
        var watch = CliProcess.RunAsync(["watch", rack, "--count", "3", "--for", "00:02:00", "--json", .. gateway], TimeSpan.FromMinutes(3));
        await using var client = await ExternalClient.ConnectAsync(silo.Ports.Gateway);
        var asset = client.Client.GetGrain<IAssetGrain>(serverId);
        var power = 300.0;
        while (!watch.IsCompleted)
        {
            power += 10;
            await asset.IngestAsync(new TelemetryBatch(serverId, [new Reading(MetricNames.Power, power, DateTimeOffset.UtcNow)]));
            await Task.WhenAny(watch, Task.Delay(500));
        }
        var watched = await watch;
        Assert.True(watched.ExitCode == 0, watched.StandardError);
        // Stopped as `timeout` or a service manager stops it (SIGTERM), a watch with no end of its own ends at once.
        var stopped = await CliProcess.RunAndTerminateAsync(["watch", rack, .. gateway], ready: "following ", exitWithin: TimeSpan.FromSeconds(30));
        Assert.Contains($"following {rack}", stopped.StandardError);
        var changes = watched.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.Equal(rack, c.GetProperty("twinId").GetString()));
        Assert.Contains(changes, c => c.GetProperty("change").GetString() == "Rollup" && c.GetProperty("rollup").GetProperty("itPowerW").GetDouble() > 300);

        var shown = await Json(["show", serverId, "--json", .. gateway]);
        Assert.Equal(power, shown.GetProperty("latest").GetProperty(MetricNames.Power).GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Array, (await Json(["alerts", "--json", .. gateway])).ValueKind);
        Assert.Equal(JsonValueKind.Array, (await Json(["incidents", "--json", .. gateway])).ValueKind);
        Assert.Equal(JsonValueKind.Array, (await Json(["predict", "--top", "5", "--json", .. gateway])).ValueKind);
        var missing = await CliProcess.RunAsync(["show", "no-such-twin", .. gateway]);
        Assert.Equal(4, missing.ExitCode);
    }

    private static async Task<JsonElement> Json(string[] args)
    {
        var result = await CliProcess.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"dt {string.Join(' ', args)}: {result.StandardError}");
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
