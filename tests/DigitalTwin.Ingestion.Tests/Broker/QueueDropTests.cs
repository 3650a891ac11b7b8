using System.Diagnostics;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(TinyQueueBrokerCollection.Name)]
public sealed class QueueDropTests(TinyQueueBrokerCluster silo)
{
    [Fact]
    public async Task Messages_dropped_for_a_subscriber_that_stopped_reading_are_counted()
    {
        // A real subscriber, frozen with SIGSTOP: it stays connected but reads nothing, so its queue fills.
        var mosquittoSub = ExternalProgram.Require("mosquitto_sub", "mosquitto-clients");
        var kill = ExternalProgram.Require("kill", "procps");
        var start = new ProcessStartInfo(mosquittoSub, ["-h", "127.0.0.1", "-p", silo.BrokerPort.ToString(), "-q", "1", "-t", "dt/bench/raw"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var subscriber = Process.Start(start)!;
        try
        {
            using var publisher = await MqttTestClient.ConnectAsync(silo.BrokerPort);
            // Subscribed once it has printed a probe.
            var firstLine = subscriber.StandardOutput.ReadLineAsync();
            var probe = new MqttApplicationMessageBuilder().WithTopic("dt/bench/raw").WithPayload("ready").Build();
            await Eventually.TrueAsync(async () =>
            {
                await publisher.PublishAsync(probe);
                await Task.Delay(100);
                return firstLine.IsCompleted;
            }, "mosquitto_sub is subscribed");
            var frozen = await ExternalProgram.RunAsync(kill, ["-STOP", subscriber.Id.ToString()], TimeSpan.FromSeconds(10));
            Assert.Equal(0, frozen.ExitCode);
            var before = silo.Statistics.Snapshot().QueueDrops;

            var message = new MqttApplicationMessageBuilder().WithTopic("dt/bench/raw").WithPayload(new byte[4096]).Build();
            for (var i = 0; i < 20_000; i++) await publisher.PublishAsync(message);

            await Eventually.TrueAsync(() => silo.Statistics.Snapshot().QueueDrops > before, "the broker reports queue drops");
        }
        finally
        {
            subscriber.Kill();
            await subscriber.WaitForExitAsync();
        }
    }
}
