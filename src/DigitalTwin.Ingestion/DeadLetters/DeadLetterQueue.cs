using System.Buffers;
using System.Text;
using System.Threading.Channels;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Ingestion.DeadLetters;

/// <summary>
/// Refused messages waiting to be republished. Bounded: when a flood of bad input outruns publishing, new dead
/// letters are dropped and counted instead of queued, so memory stays at capacity × truncated payload size.
/// </summary>
public sealed class DeadLetterQueue
{
    private readonly Channel<DeadLetter> _channel;
    private readonly DeadLetterOptions _options;
    private readonly IngestionStatistics _statistics;
    private readonly TimeProvider _time;

    /// <summary>Creates the queue with the configured capacity.</summary>
    public DeadLetterQueue(IOptions<MqttIngestionOptions> options, IngestionStatistics statistics, [FromKeyedServices(TwinClock.ServiceKey)] TimeProvider time)
    {
        _options = options.Value.DeadLetter;
        _statistics = statistics;
        _time = time;
        _channel = Channel.CreateBounded<DeadLetter>(new BoundedChannelOptions(Math.Max(1, _options.Capacity))
        {
            // Wait, not DropWrite: with DropWrite TryWrite reports success while discarding, and the drop would go
            // uncounted. TryWrite never waits; it returns false when the queue is full.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>The dead letters to publish.</summary>
    public ChannelReader<DeadLetter> Reader => _channel.Reader;

    /// <summary>Queues a dead letter for a refused message; drops (and counts) it when the queue is full.</summary>
    public void Add(string reason, string detail, string topic, string? client, in ReadOnlySequence<byte> payload)
    {
        if (!_options.Enabled) return;
        var keep = (int)Math.Min(payload.Length, Math.Max(0, _options.MaxPayloadBytes));
        var text = Encoding.UTF8.GetString(payload.Slice(0, keep));
        var letter = new DeadLetter
        {
            Reason = reason,
            Detail = UntrustedText.Escape(detail, 1024),
            Topic = UntrustedText.Escape(topic, 512),
            Client = client is null ? null : UntrustedText.Escape(client, 256),
            ReceivedAt = _time.GetUtcNow(),
            PayloadBytes = payload.Length,
            PayloadTruncated = keep < payload.Length,
            Payload = text,
        };
        if (!_channel.Writer.TryWrite(letter)) _statistics.DeadLetterDropped();
    }
}
