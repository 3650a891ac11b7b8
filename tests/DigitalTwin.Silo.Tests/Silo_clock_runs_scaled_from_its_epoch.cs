using System.Text;
using System.Text.Json;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Testing.Processes;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>DigitalTwin:Clock</c> makes the silo live on the simulator's clock: readings stamped in simulated time are on
/// time for it, and readings stamped with today's real time are years stale.
/// </summary>
public sealed class Silo_clock_runs_scaled_from_its_epoch : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-clock-").FullName;

    [Fact]
    public void The_scaled_clock_maps_its_anchor_to_the_epoch_and_runs_scale_times_faster()
    {
        var real = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new ScaledTimeProvider(Epoch, 60, real: real);

        Assert.Equal(Epoch, clock.GetUtcNow());
        real.Now += TimeSpan.FromSeconds(10);
        Assert.Equal(Epoch.AddMinutes(10), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(Epoch, 0));
    }

    [Fact]
    public async Task A_silo_on_a_scaled_clock_takes_readings_in_simulated_time_and_refuses_real_time_ones()
    {
        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string>
        {
            ["DigitalTwin:Clock:TimeScale"] = "60",
            ["DigitalTwin:Clock:Epoch"] = Epoch.ToString("O"),
            ["DigitalTwin:Mqtt:AllowAnonymous"] = "true",
            ["DigitalTwin:Security:Mode"] = "Open",
        });
        var import = await silo.Http.PostAsync("/api/topology", new StringContent("""
            apiVersion: digitaltwin/v1
            twins:
              - { id: dc-1, kind: datacentre }
              - { id: room-1, kind: room, parent: dc-1 }
              - { id: rack-1, kind: rack, parent: room-1, rated: { power_budget_w: 12000 } }
              - { id: srv-1, kind: server, parent: rack-1 }
            """));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        using var client = await MqttTestClient.ConnectAsync(silo.Ports.Mqtt);
        // A minute of real time at most has passed since the start, which is at most an hour simulated.
        var simulated = await PublishAsync(client, Epoch.AddSeconds(30), 24.5);
        var real = await PublishAsync(client, DateTimeOffset.UtcNow, 99);

        // Applied readings are acknowledged as delivered (nobody else subscribes); refused ones carry their reason.
        Assert.True(simulated.IsSuccess, $"{simulated.ReasonCode}: {simulated.ReasonString}");
        Assert.False(real.IsSuccess);
        Assert.Contains("stale_timestamp", real.ReasonString);
        using var twin = JsonDocument.Parse(await silo.Http.GetStringAsync("/api/twins/srv-1"));
        var inlet = twin.RootElement.GetProperty("latest").GetProperty("inlet_temp_c");
        Assert.Equal(24.5, inlet.GetProperty("value").GetDouble());
        Assert.Equal(Epoch.AddSeconds(30), inlet.GetProperty("timestamp").GetDateTimeOffset());
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, DateTimeOffset ts, double inlet) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("dt/telemetry/srv-1")
            .WithPayload(Encoding.UTF8.GetBytes($$$"""{"ts":"{{{ts:O}}}","readings":{"inlet_temp_c":{{{inlet.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}"""))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
