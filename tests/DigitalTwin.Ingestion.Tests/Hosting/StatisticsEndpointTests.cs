using DigitalTwin.Testing.Processes;
using System.Text.Json;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Testing.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Ingestion.Tests.Hosting;

public sealed class StatisticsEndpointTests
{
    [Fact]
    public async Task Stats_endpoint_serves_the_counters_under_their_documented_names()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var statistics = new IngestionStatistics();
        builder.Services.AddSingleton(statistics);
        await using var app = builder.Build();
        app.MapDigitalTwinIngestion();
        await app.StartAsync();
        statistics.MessageReceived();
        statistics.Applied(20, latencyMs: 3.2);
        statistics.Rejected(RejectionReasons.NotFinite);
        statistics.QueueDropped();

        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/ingestion/stats"));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("received_messages").GetInt64());
        Assert.Equal(20, root.GetProperty("applied_points").GetInt64());
        Assert.Equal(1, root.GetProperty("rejected").GetProperty(RejectionReasons.NotFinite).GetInt64());
        Assert.Equal(1, root.GetProperty("queue_drops").GetInt64());
        Assert.InRange(root.GetProperty("latency_ms").GetProperty("p99").GetDouble(), 3.2, 3.4);
        Assert.Equal(1, root.GetProperty("latency_buckets").GetArrayLength());
        await app.StopAsync();
    }
}
