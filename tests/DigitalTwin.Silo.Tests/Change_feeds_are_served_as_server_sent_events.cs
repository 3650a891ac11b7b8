using System.Net.Http.Headers;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary><c>GET /api/twins/{id}/events</c> streams a rack's change feed from a silo process as server-sent events.</summary>
public sealed class Change_feeds_are_served_as_server_sent_events : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-sse-").FullName;

    [Fact]
    public async Task A_racks_rollup_changes_arrive_as_events_while_its_server_reports()
    {
        var p = "ev" + Guid.NewGuid().ToString("N")[..6];
        var topology = $$"""
            apiVersion: digitaltwin/v1
            twins:
              - { id: {{p}}-dc, kind: datacentre }
              - { id: {{p}}-room, kind: room, parent: {{p}}-dc }
              - { id: {{p}}-r1, kind: rack, parent: {{p}}-room, rated: { power_budget_w: 10000 } }
              - { id: {{p}}-s1, kind: server, parent: {{p}}-r1 }
            """;
        await using var silo = await SiloProcess.StartAsync(_workDir);
        using var body = new StringContent(topology);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var import = await silo.Http.PostAsync("/api/topology", body);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        using var events = await silo.Http.GetAsync($"/api/twins/{p}-r1/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": subscribed", await reader.ReadLineAsync());

        await using var client = await ExternalClient.ConnectAsync(silo.Ports.Gateway);
        var server = client.Client.GetGrain<IAssetGrain>($"{p}-s1");
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var feeding = Task.Run(async () =>
        {
            for (var power = 501.0; !reading.IsCancellationRequested; power++)
            {
                await server.IngestAsync(new TelemetryBatch($"{p}-s1", [new Reading(MetricNames.Power, power, DateTimeOffset.UtcNow)]));
                await Task.Delay(300);
            }
        });
        var rollups = new List<double>();
        string? eventName = null;
        while (rollups.Count < 2 && await reader.ReadLineAsync(reading.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line[7..];
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            Assert.Equal("change", eventName);
            using var change = JsonDocument.Parse(line[6..]);
            Assert.Equal($"{p}-r1", change.RootElement.GetProperty("twinId").GetString());
            // The rack's first rollups may come before its server's first report (0 W): count the server's readings.
            if (change.RootElement.GetProperty("change").GetString() == "Rollup"
                && change.RootElement.GetProperty("rollup").GetProperty("itPowerW").GetDouble() is var watts and > 500)
            {
                rollups.Add(watts);
            }
        }
        await reading.CancelAsync();
        await feeding.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(2, rollups.Count);
        Assert.True(rollups[1] > rollups[0], string.Join(", ", rollups));
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
