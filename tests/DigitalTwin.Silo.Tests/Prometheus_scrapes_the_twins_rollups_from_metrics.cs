using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DigitalTwin.Testing.Metrics;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Testing.Processes;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// A silo process serves <c>/metrics</c>; Debian's prometheus scrapes it and answers PromQL with the rack inlet a
/// device published over MQTT, the readings ingestion applied, the grain counts, and no more rollup series than
/// <c>DigitalTwin:Metrics:MaxTwins</c> allows.
/// </summary>
public sealed class Prometheus_scrapes_the_twins_rollups_from_metrics : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-metrics-").FullName;

    [Fact]
    public async Task Prometheus_reads_back_the_rack_inlet_a_server_reported_and_the_series_stay_within_the_bound()
    {
        var p = "m" + Guid.NewGuid().ToString("N")[..6];
        // Containers by the bound's order: data centre, room, then racks by id; a bound of three leaves r2 out.
        var topology = $"""
            apiVersion: digitaltwin/v1
            twins:
              - {"{"} id: {p}-dc, kind: datacentre {"}"}
              - {"{"} id: {p}-room, kind: room, parent: {p}-dc {"}"}
              - {"{"} id: {p}-r1, kind: rack, parent: {p}-room, rated: {"{"} power_budget_w: 10000 {"}"} {"}"}
              - {"{"} id: {p}-r2, kind: rack, parent: {p}-room, rated: {"{"} power_budget_w: 10000 {"}"} {"}"}
              - {"{"} id: {p}-r1-s1, kind: server, parent: {p}-r1 {"}"}
            """;
        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string>
        {
            ["DigitalTwin:Metrics:RollupInterval"] = "00:00:01",
            ["DigitalTwin:Metrics:MaxTwins"] = "3",
            ["DigitalTwin:Mqtt:AllowAnonymous"] = "true",
        });
        using var body = new StringContent(topology);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var import = await silo.Http.PostAsync("/api/topology", body);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var inlet = 20 + Random.Shared.Next(1, 900) / 100.0;
        using (var device = await MqttTestClient.ConnectAsync(silo.Ports.Mqtt))
        {
            // QoS 1: the broker acknowledges once the readings are applied to the twin.
            var published = await device.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic($"dt/telemetry/{p}-r1-s1")
                .WithPayload(Encoding.UTF8.GetBytes($$$"""{"readings":{"inlet_temp_c":{{{inlet.ToString(CultureInfo.InvariantCulture)}}},"power_w":420}}"""))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            Assert.True(published.IsSuccess, published.ReasonString);
        }

        await using var prometheus = await PrometheusServer.StartAsync(silo.Ports.Http);
        var rack = await prometheus.QueryUntilAsync($"dt_twin_inlet_max_celsius{{twin=\"{p}-r1\"}}", r => r.Count == 1 && r[0].Value == inlet);
        Assert.Equal("rack", rack[0].Labels["kind"]);
        var power = await prometheus.QueryUntilAsync($"dt_twin_it_power_watts{{twin=~\"{p}-.*\"}}", r => r.Count > 0 && r.All(s => s.Value == 420));
        Assert.Equal([$"{p}-dc", $"{p}-r1", $"{p}-room"], power.Select(s => s.Labels["twin"]).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await prometheus.QueryAsync("dt_twin_rollups_omitted")).Single().Value);
        Assert.Equal(2, (await prometheus.QueryAsync("dt_ingestion_points_applied_total")).Single().Value);
        var grains = await prometheus.QueryAsync("sum(orleans_grains)");
        Assert.True(grains.Single().Value > 0, "no grains counted");
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
