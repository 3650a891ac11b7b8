using System.Text.Json;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.DeadLetters;

/// <summary>Publishes queued dead letters on <c>dt/deadletter/&lt;reason&gt;</c>, off the ingestion path.</summary>
public sealed class DeadLetterPublisher(DeadLetterQueue queue, MqttOutlets outlets, IngestionStatistics statistics, ILogger<DeadLetterPublisher> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var letter in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(TelemetryTopic.DeadLetterPrefix + letter.Reason)
                    .WithPayload(JsonSerializer.SerializeToUtf8Bytes(letter))
                    .WithContentType("application/json")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                try
                {
                    if (await outlets.PublishAsync(message, stoppingToken).ConfigureAwait(false)) statistics.DeadLettered();
                    else statistics.DeadLetterDropped();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    statistics.DeadLetterDropped();
                    logger.LogDebug(ex, "Could not publish a dead letter for {Reason}", letter.Reason);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
