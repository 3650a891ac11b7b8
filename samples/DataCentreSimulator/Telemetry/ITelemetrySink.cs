namespace DataCentreSimulator.Telemetry;

/// <summary>Where published messages go: an MQTT broker, or a recording file in offline mode.</summary>
internal interface ITelemetrySink : IAsyncDisposable
{
    /// <summary>Publishes one message at simulated time <paramref name="ts"/>.</summary>
    Task PublishAsync(string topic, byte[] payload, DateTimeOffset ts, CancellationToken cancellationToken);
}
