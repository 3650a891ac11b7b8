using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// Every count ingestion keeps, twice over: as instruments of the <c>DigitalTwin.Ingestion</c> meter (for
/// OpenTelemetry / dotnet-counters) and as in-process totals behind <see cref="Snapshot"/> (for
/// <c>GET /api/ingestion/stats</c>, tests and the benchmark). Nothing is dropped without being counted here.
/// </summary>
public sealed class IngestionStatistics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "DigitalTwin.Ingestion";

    // Twins may report reasons of their own; the table is bounded so odd strings cannot grow it for ever.
    private const int MaxReasons = 64;
    private const string OtherReason = "other";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _points;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _queueDrops;
    private readonly Counter<long> _refusals;
    private readonly Histogram<double> _latency;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _refusedReadings = new(StringComparer.Ordinal);
    private readonly LatencyHistogram _histogram = new();
    private readonly TimeProvider _time;
    private long _received, _appliedMessages, _appliedPoints, _failed, _deadLettered, _deadLettersDropped, _queueDropCount;
    private long _refusedConnections, _refusedPublishes, _refusedSubscriptions, _raw, _simulation, _commands, _commandAcks;
    private long _sessionsAdopted, _adoptedMessages, _inFlight;

    /// <summary>Creates the statistics and their meter (through <paramref name="meterFactory"/> when there is one).</summary>
    public IngestionStatistics(IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        // A factory's meters belong to the factory; only a meter made here is disposed here.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _messages = _meter.CreateCounter<long>("dt.ingestion.messages", "{message}", "Telemetry messages received, by outcome.");
        _points = _meter.CreateCounter<long>("dt.ingestion.points.applied", "{reading}", "Readings applied by twins.");
        _rejections = _meter.CreateCounter<long>("dt.ingestion.rejections", "{message}", "Refused messages or readings, by reason.");
        _deadLetters = _meter.CreateCounter<long>("dt.ingestion.deadletters", "{message}", "Dead letters, by outcome (published, dropped).");
        _queueDrops = _meter.CreateCounter<long>("dt.ingestion.queue.drops", "{message}", "Messages dropped from full subscriber queues.");
        _refusals = _meter.CreateCounter<long>("dt.ingestion.auth.refusals", "{request}", "Refused connections, publishes and subscriptions.");
        _latency = _meter.CreateHistogram<double>("dt.ingestion.latency", "ms", "Publish → applied latency.");
    }

    /// <summary>
    /// A message arrived from a publisher and is now in flight. Exactly one outcome follows: <see cref="Applied"/>,
    /// <see cref="Rejected"/>, <see cref="Failed"/> or <see cref="CommandAcknowledged"/>, so that received = applied
    /// + command acks + refused (by reason) + failed + in flight at every moment.
    /// </summary>
    public void MessageReceived()
    {
        Interlocked.Increment(ref _received);
        Interlocked.Increment(ref _inFlight);
    }

    /// <summary>
    /// A message refused before it could be read (a packet over the size limit, a publisher without a session):
    /// received and refused in one step.
    /// </summary>
    public void RefusedUnread(string reason)
    {
        MessageReceived();
        Rejected(reason);
    }

    /// <summary>Outcome: a message was applied by every twin it addressed (some readings may have been refused, see <see cref="ReadingsRefused"/>).</summary>
    public void Applied(int points, double latencyMs)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _appliedMessages);
        Interlocked.Add(ref _appliedPoints, points);
        _histogram.Record(latencyMs);
        if (_messages.Enabled) _messages.Add(1, new KeyValuePair<string, object?>("outcome", "applied"));
        if (_points.Enabled) _points.Add(points);
        if (_latency.Enabled) _latency.Record(latencyMs);
    }

    /// <summary>Outcome: a message was refused, under exactly one reason.</summary>
    public void Rejected(string reason)
    {
        Interlocked.Decrement(ref _inFlight);
        Count(_rejected, reason, 1);
        if (_messages.Enabled) _messages.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"));
        if (_rejections.Enabled) _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>
    /// Readings a twin refused inside a message (the message itself counts once, as applied when other readings
    /// were applied, else as refused under the first reading's reason).
    /// </summary>
    public void ReadingsRefused(string reason, long count = 1) => Count(_refusedReadings, reason, count);

    /// <summary>Outcome: a message could not be applied because a twin call failed.</summary>
    public void Failed()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _failed);
        if (_messages.Enabled) _messages.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    /// <summary>A dead letter was published.</summary>
    public void DeadLettered()
    {
        Interlocked.Increment(ref _deadLettered);
        if (_deadLetters.Enabled) _deadLetters.Add(1, new KeyValuePair<string, object?>("outcome", "published"));
    }

    /// <summary>A dead letter was dropped (queue full or publishing failed).</summary>
    public void DeadLetterDropped()
    {
        Interlocked.Increment(ref _deadLettersDropped);
        if (_deadLetters.Enabled) _deadLetters.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
    }

    /// <summary>The broker dropped a queued message for a subscriber.</summary>
    public void QueueDropped()
    {
        Interlocked.Increment(ref _queueDropCount);
        if (_queueDrops.Enabled) _queueDrops.Add(1);
    }

    /// <summary>A connection was refused.</summary>
    public void ConnectionRefused() => Refused(ref _refusedConnections, "connect");

    /// <summary>A publish was refused by the ACL.</summary>
    public void PublishRefused() => Refused(ref _refusedPublishes, "publish");

    /// <summary>A subscription was refused by the ACL.</summary>
    public void SubscriptionRefused() => Refused(ref _refusedSubscriptions, "subscribe");

    /// <summary>A benchmark baseline message passed through.</summary>
    public void RawMessage() => Interlocked.Increment(ref _raw);

    /// <summary>A simulator control message (<c>sim/#</c>) passed through to its subscribers.</summary>
    public void SimulationMessage() => Interlocked.Increment(ref _simulation);

    /// <summary>A command was published to a device.</summary>
    public void CommandPublished() => Interlocked.Increment(ref _commands);

    /// <summary>Outcome: a device's command acknowledgement reached its twin.</summary>
    public void CommandAcknowledged()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _commandAcks);
        if (_messages.Enabled) _messages.Add(1, new KeyValuePair<string, object?>("outcome", "command_ack"));
    }

    /// <summary>A live silo adopted the external-broker session of a dead one and applied <paramref name="messages"/> from it.</summary>
    public void SessionAdopted(long messages)
    {
        Interlocked.Increment(ref _sessionsAdopted);
        Interlocked.Add(ref _adoptedMessages, messages);
    }

    /// <summary>The totals now.</summary>
    public IngestionStatisticsSnapshot Snapshot()
    {
        var counts = _histogram.Counts();
        var buckets = new List<double[]>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) buckets.Add([Math.Round(LatencyHistogram.UpperBound(i), 4), counts[i]]);
        }
        return new IngestionStatisticsSnapshot
        {
            AsOf = _time.GetUtcNow(),
            ReceivedMessages = Volatile.Read(ref _received),
            AppliedMessages = Volatile.Read(ref _appliedMessages),
            AppliedPoints = Volatile.Read(ref _appliedPoints),
            Rejected = Totals(_rejected),
            RefusedReadings = Totals(_refusedReadings),
            InFlightMessages = Math.Max(0, Volatile.Read(ref _inFlight)),
            FailedMessages = Volatile.Read(ref _failed),
            DeadLettered = Volatile.Read(ref _deadLettered),
            DeadLettersDropped = Volatile.Read(ref _deadLettersDropped),
            QueueDrops = Volatile.Read(ref _queueDropCount),
            RefusedConnections = Volatile.Read(ref _refusedConnections),
            RefusedPublishes = Volatile.Read(ref _refusedPublishes),
            RefusedSubscriptions = Volatile.Read(ref _refusedSubscriptions),
            RawMessages = Volatile.Read(ref _raw),
            SimulationMessages = Volatile.Read(ref _simulation),
            CommandsPublished = Volatile.Read(ref _commands),
            CommandAcks = Volatile.Read(ref _commandAcks),
            SessionsAdopted = Volatile.Read(ref _sessionsAdopted),
            AdoptedMessages = Volatile.Read(ref _adoptedMessages),
            LatencyMs = new Dictionary<string, double?>
            {
                ["p50"] = LatencyHistogram.Percentile(counts, 0.50),
                ["p90"] = LatencyHistogram.Percentile(counts, 0.90),
                ["p99"] = LatencyHistogram.Percentile(counts, 0.99),
                ["max"] = LatencyHistogram.Percentile(counts, 1.0),
            },
            LatencyBuckets = buckets,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }

    private static void Count(ConcurrentDictionary<string, StrongBox<long>> table, string reason, long count)
    {
        if (!table.TryGetValue(reason, out var box))
        {
            box = table.Count < MaxReasons ? table.GetOrAdd(reason, _ => new StrongBox<long>()) : table.GetOrAdd(OtherReason, _ => new StrongBox<long>());
        }
        Interlocked.Add(ref box.Value, count);
    }

    private static Dictionary<string, long> Totals(ConcurrentDictionary<string, StrongBox<long>> table) =>
        table.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => Volatile.Read(ref r.Value.Value));

    private void Refused(ref long counter, string what)
    {
        Interlocked.Increment(ref counter);
        if (_refusals.Enabled) _refusals.Add(1, new KeyValuePair<string, object?>("request", what));
    }
}
