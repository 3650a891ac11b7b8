using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// The operator views' reads (<c>/api/views/...</c>) on a slice of the demo in a silo process: the floor plan places
/// racks and CRACs by TEAM contract 1, the rack elevation lists its assets by unit, the feeds view finds each source's
/// path and headroom, and a subtree feed filtered by kind carries only those twins' changes.
/// </summary>
public sealed class Operator_views_read_only_the_twins_they_show : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-views-").FullName;

    [Fact]
    public async Task Floor_rack_feeds_and_tree_views_answer_from_the_live_twins_and_feeds_filter_by_kind()
    {
        await using var silo = await SiloProcess.StartAsync(_workDir);
        using var body = new StringContent(DemoExcerpt.Yaml("rack-a01"));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var import = await silo.Http.PostAsync("/api/topology", body);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        // Floor: rows are the distinct labels of everything positioned in the room (CRACs in A and D, racks in B).
        var floor = await silo.Http.GetFromJsonAsync<JsonElement>("/api/views/floor/room-a");
        Assert.Equal(["A", "B", "D"], floor.GetProperty("rows").EnumerateArray().Select(r => r.GetString()!));
        var rack = Assert.Single(floor.GetProperty("racks").EnumerateArray());
        Assert.Equal("rack-a01", rack.GetProperty("id").GetString());
        Assert.Equal(0.3, rack.GetProperty("x").GetDouble(), 6);
        Assert.Equal(3.0, rack.GetProperty("y").GetDouble(), 6);
        Assert.Equal(32, rack.GetProperty("inlet").GetProperty("criticalC").GetDouble());
        var cracs = floor.GetProperty("cracs").EnumerateArray().ToList();
        Assert.Equal(["crac-a1", "crac-a2", "crac-a3"], cracs.Select(c => c.GetProperty("id").GetString()!));
        Assert.Equal(6.0, cracs[1].GetProperty("y").GetDouble(), 6);

        var elevation = await silo.Http.GetFromJsonAsync<JsonElement>("/api/views/rack/rack-a01");
        var assets = elevation.GetProperty("assets").EnumerateArray().ToList();
        Assert.Equal(42, elevation.GetProperty("heightU").GetInt32());
        Assert.Equal(21, assets.Count(a => a.GetProperty("kind").GetString() == "Server"));
        Assert.Equal(1, assets.Single(a => a.GetProperty("id").GetString() == "srv-a01-01").GetProperty("positionU").GetInt32());

        var tree = await silo.Http.GetFromJsonAsync<JsonElement>("/api/views/tree/dc-sim");
        var room = tree.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "room-a");
        Assert.True(room.GetProperty("childCount").GetInt32() >= 6, room.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Http.GetAsync("/api/views/floor/rack-a01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Http.GetAsync("/api/subtrees/room-a/events?kind=spaceship")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Http.GetAsync("/api/changes/events?change=rollup")).StatusCode);

        // The room's feed, filtered to CRACs, while a server and a CRAC both report.
        using var events = await silo.Http.GetAsync("/api/subtrees/room-a/events?kind=crac", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": subscribed", await reader.ReadLineAsync());
        await using var client = await ExternalClient.ConnectAsync(silo.Ports.Gateway);
        // The PDU reports once, and must have taken its reading: the feeds view below reads its load.
        var pdu = await client.Client.GetGrain<IAssetGrain>("pdu-a01-a").IngestAsync(new TelemetryBatch("pdu-a01-a", [new Reading(MetricNames.Power, 4000, DateTimeOffset.UtcNow)]));
        Assert.True(pdu.Applied == 1, string.Join("; ", pdu.Rejected.Select(r => $"{r.Reason}: {r.Detail}")));
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var feeding = Task.Run(async () =>
        {
            for (var i = 0; !reading.IsCancellationRequested; i++)
            {
                var now = DateTimeOffset.UtcNow;
                await client.Client.GetGrain<IAssetGrain>("srv-a01-01").IngestAsync(new TelemetryBatch("srv-a01-01", [new Reading(MetricNames.InletTemperature, 22 + i * 0.01, now)]));
                await client.Client.GetGrain<IAssetGrain>("crac-a1").IngestAsync(new TelemetryBatch("crac-a1", [new Reading(MetricNames.SupplyTemperature, 18 + i * 0.01, now)]));
                await Task.Delay(300);
            }
        });
        var kinds = new List<string>();
        while (!kinds.Contains("Crac") && await reader.ReadLineAsync(reading.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            using var batch = JsonDocument.Parse(line[6..]);
            kinds.AddRange(batch.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!));
        }
        await reading.CancelAsync();
        await feeding; // a failed ingest fails the test here rather than vanishing
        Assert.Contains("Crac", kinds);
        Assert.All(kinds, k => Assert.Equal("Crac", k));

        // Feeds: the UPS is on path A because the PDU on path A draws from it; the PDU's headroom is capacity less load.
        var feeds = await silo.Http.GetFromJsonAsync<JsonElement>("/api/views/feeds/dc-sim");
        var all = feeds.GetProperty("feeds").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(["A"], all["ups-a-a"].GetProperty("paths").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(["ups-a-a"], all["pdu-a01-a"].GetProperty("sources").EnumerateArray().Select(p => p.GetString()!));
        Assert.True(all["pdu-a01-a"].GetProperty("headroomW").ValueKind == JsonValueKind.Number, all["pdu-a01-a"].ToString());
        Assert.Equal(16000 - 4000, all["pdu-a01-a"].GetProperty("headroomW").GetDouble());
        Assert.Contains(feeds.GetProperty("paths").EnumerateArray(), p => p.GetProperty("path").GetString() == "B");
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
