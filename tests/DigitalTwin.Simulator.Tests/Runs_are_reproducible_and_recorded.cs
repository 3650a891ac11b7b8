using System.Text.Json;
using DataCentreSimulator.Running;

namespace DigitalTwin.Simulator.Tests;

public sealed class Runs_are_reproducible_and_recorded : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dt-sim-").FullName;

    private async Task<(string Record, string Truth)> RunOfflineAsync(string name, int seed)
    {
        var settings = new SimulatorSettings
        {
            Servers = 60, Rooms = 1, Seed = seed, NoBroker = true, DurationS = 900, SettleS = 600,
            Epoch = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), IntervalS = 10,
            Record = Path.Combine(_dir, name + ".jsonl"), Truth = Path.Combine(_dir, name + "-truth.jsonl"),
            FaultAt = ["300:hot_spot:srv-a01-05:300", "400:stuck_sensor:srv-a02-01"],
        };
        Assert.Equal(0, await SimulatorRun.Create(settings).RunAsync(CancellationToken.None));
        return (settings.Record, settings.Truth);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_messages_and_truth_and_another_seed_does_not()
    {
        var first = await RunOfflineAsync("one", 5);
        var again = await RunOfflineAsync("two", 5);
        var other = await RunOfflineAsync("three", 6);

        Assert.Equal(File.ReadAllBytes(first.Record), File.ReadAllBytes(again.Record));
        Assert.Equal(File.ReadAllBytes(first.Truth), File.ReadAllBytes(again.Truth));
        Assert.NotEqual(File.ReadAllBytes(first.Record), File.ReadAllBytes(other.Record));
    }

    [Fact]
    public async Task A_hot_spot_shows_in_the_readings_and_in_the_truth_with_its_start_and_end()
    {
        var (record, truth) = await RunOfflineAsync("hot", 5);

        var lines = File.ReadLines(truth).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var start = Assert.Single(lines, l => l.GetProperty("type").GetString() == "fault_start" && l.GetProperty("kind").GetString() == "hot_spot");
        Assert.Equal("srv-a01-05", start.GetProperty("target").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 5, 0, TimeSpan.Zero), start.GetProperty("start").GetDateTimeOffset());
        Assert.Single(lines, l => l.GetProperty("type").GetString() == "fault_end" && l.GetProperty("kind").GetString() == "hot_spot");
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "racks");

        // Each message is a batch for dt/telemetry; the hot-spot server's inlet rises while its air path is blocked.
        var inlets = File.ReadLines(record).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(m => m.GetProperty("topic").GetString() == "dt/telemetry"
                && m.GetProperty("payload").GetProperty("twins").TryGetProperty("srv-a01-05", out _))
            .Select(m => (Ts: m.GetProperty("ts").GetDateTimeOffset(), Inlet: m.GetProperty("payload").GetProperty("twins").GetProperty("srv-a01-05").GetProperty("inlet_temp_c").GetDouble()))
            .ToList();
        var epoch = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var normal = inlets.Where(i => i.Ts < epoch.AddSeconds(300)).Average(i => i.Inlet);
        var blocked = inlets.Where(i => i.Ts > epoch.AddSeconds(420) && i.Ts < epoch.AddSeconds(600)).Average(i => i.Inlet);
        Assert.True(blocked > normal + 4, $"inlet {normal:0.0} °C normally, {blocked:0.0} °C blocked");
    }

    [Fact]
    public void The_simulator_references_neither_the_twin_models_nor_the_grains()
    {
        var project = File.ReadAllText(Path.Combine(Testing.Processes.RepositoryLayout.Root, "samples", "DataCentreSimulator", "DataCentreSimulator.csproj"));

        Assert.Contains("DigitalTwin.Topology.csproj", project);
        Assert.DoesNotContain("DigitalTwin.Models", project);
        Assert.DoesNotContain("DigitalTwin.Grains", project);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
