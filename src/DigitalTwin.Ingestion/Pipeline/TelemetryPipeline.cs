using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.DeadLetters;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Parsing;
using DigitalTwin.Ingestion.Security;
using DigitalTwin.Ingestion.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>
/// Everything between a received MQTT message and its twins, shared by the embedded broker and the external-broker
/// client: classify the topic, bound the size, parse and validate (the whole message is accepted or refused), check
/// the publisher may speak for each twin, resolve each twin's kind from the cached directory, then call each twin
/// once, all twins in parallel. When the returned task completes with <see cref="IngestionStatus.Applied"/>, every
/// twin has the readings in memory (and, in the durable acknowledgement mode, in its stored state): only then may
/// the message be acknowledged. No storage is written here.
/// </summary>
public sealed class TelemetryPipeline
{
    private const int MaxCachedTargets = 1_000_000;
    private const int MaxDetailLength = 1024;
    private int _admitted;
    private readonly IGrainFactory _grains;
    private readonly TwinDirectory _directory;
    private readonly IngestionStatistics _statistics;
    private readonly DeadLetterQueue _deadLetters;
    private readonly TimeProvider _time;
    private readonly ILogger<TelemetryPipeline> _logger;
    private readonly IngestionLimits _limits;
    private readonly bool _forwardSimulation;
    private readonly DurableLanes? _durable;
    private readonly JsonTelemetryParser _json;
    private readonly CollectdParser _collectd;
    private readonly NameInterner _names;
    // Grain references by twin id: building one validates the key and allocates, and the same few thousand twins
    // arrive over and over. Only ids the directory resolved are added, so the table is bounded by the topology.
    private readonly ConcurrentDictionary<string, (TwinKind Kind, ITelemetryTarget Target)> _targets = new(StringComparer.Ordinal);

    /// <summary>Creates the pipeline.</summary>
    public TelemetryPipeline(
        IGrainFactory grains,
        TwinDirectory directory,
        IngestionStatistics statistics,
        DeadLetterQueue deadLetters,
        IOptions<MqttIngestionOptions> options,
        [FromKeyedServices(TwinClock.ServiceKey)] TimeProvider time,
        ILogger<TelemetryPipeline> logger)
    {
        _grains = grains;
        _directory = directory;
        _statistics = statistics;
        _deadLetters = deadLetters;
        _time = time;
        _logger = logger;
        _limits = options.Value.Limits;
        _forwardSimulation = options.Value.ForwardSimulationTopics;
        _durable = options.Value.AckMode == AcknowledgementMode.Durable ? new DurableLanes() : null;
        _names = new NameInterner();
        var names = _names;
        _json = new JsonTelemetryParser(_limits, names);
        _collectd = new CollectdParser(_limits, new CollectdTopicMap(options.Value.Collectd));
    }

    /// <summary>
    /// Processes one message. The payload must stay valid until the returned task completes (a dead letter may
    /// quote it after a twin refused readings). Every message from a publisher is counted as received and then under
    /// exactly one outcome (applied, refused for one reason, failed, or a command acknowledgement), whatever path it
    /// takes, so that the statistics reconcile.
    /// </summary>
    public ValueTask<IngestionOutcome> ProcessAsync(string topic, in ReadOnlySequence<byte> payload, DevicePrincipal publisher, string? clientId)
    {
        var route = TelemetryTopic.Parse(topic, _names);
        switch (route.Kind)
        {
            case TopicKind.BenchRaw:
                _statistics.RawMessage();
                return ValueTask.FromResult(IngestionOutcome.Passed);
            case TopicKind.Command or TopicKind.DeadLetter when publisher.IsInternal:
                return ValueTask.FromResult(IngestionOutcome.Passed);
            case TopicKind.Simulation when _forwardSimulation:
                _statistics.SimulationMessage();
                return ValueTask.FromResult(IngestionOutcome.Passed);
        }
        _statistics.MessageReceived();
        if (Interlocked.Increment(ref _admitted) > _limits.MaxInFlightMessages)
        {
            // Overload policy: shed at the door, before parsing or any grain call, so the work in flight (and the
            // memory it holds) stays bounded; the publisher is told to publish again.
            Interlocked.Decrement(ref _admitted);
            _statistics.Rejected(RejectionReasons.Overloaded);
            return ValueTask.FromResult(new IngestionOutcome(IngestionStatus.Shed,
                new TelemetryRejection(RejectionReasons.Overloaded, $"{_limits.MaxInFlightMessages} messages in flight; publish again later")));
        }
        ValueTask<IngestionOutcome> pending;
        try
        {
            pending = ProcessReceivedAsync(route, topic, payload, publisher, clientId);
        }
        catch (Exception ex)
        {
            return ValueTask.FromResult(Complete(FailedBy(ex, topic)));
        }
        return pending.IsCompletedSuccessfully ? ValueTask.FromResult(Complete(pending.Result)) : CompleteAsync(pending, topic);
    }

    private async ValueTask<IngestionOutcome> CompleteAsync(ValueTask<IngestionOutcome> pending, string topic)
    {
        try
        {
            return Complete(await pending.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Complete(FailedBy(ex, topic));
        }
    }

    // The one place a received message's outcome is counted.
    private IngestionOutcome Complete(IngestionOutcome outcome)
    {
        Interlocked.Decrement(ref _admitted);
        switch (outcome.Status)
        {
            case IngestionStatus.Applied:
                _statistics.Applied(outcome.AppliedPoints, outcome.LatencyMs);
                break;
            case IngestionStatus.Rejected:
                _statistics.Rejected(outcome.Rejection!.Reason);
                break;
            case IngestionStatus.Failed:
                _statistics.Failed();
                break;
            default:
                // Passed: of the messages counted as received, only a command acknowledgement passes.
                _statistics.CommandAcknowledged();
                break;
        }
        return outcome;
    }

    private IngestionOutcome FailedBy(Exception ex, string topic)
    {
        _logger.LogWarning(ex, "Telemetry on {Topic} could not be applied; it will not be acknowledged", UntrustedText.Escape(topic));
        return new IngestionOutcome(IngestionStatus.Failed, new TelemetryRejection("failed", UntrustedText.Escape(ex.GetType().Name + ": " + ex.Message)));
    }

    private ValueTask<IngestionOutcome> ProcessReceivedAsync(TelemetryTopic route, string topic, in ReadOnlySequence<byte> payload, DevicePrincipal publisher, string? clientId)
    {
        switch (route.Kind)
        {
            case TopicKind.Command or TopicKind.DeadLetter:
                _statistics.PublishRefused();
                return ValueTask.FromResult(Refuse(RejectionReasons.NotAuthorized, "only the silo publishes commands and dead letters", topic, clientId, payload));
            case TopicKind.CommandAck:
                return AcknowledgeCommandAsync(route.TwinId!, topic, payload, publisher, clientId);
            case TopicKind.Invalid or TopicKind.Simulation:
                return ValueTask.FromResult(Refuse(RejectionReasons.BadTopic,
                    "publish telemetry on dt/telemetry/<twinId>, dt/telemetry or collectd/<host>/<plugin>/<type>", topic, clientId, payload));
        }

        if (payload.Length > _limits.MaxPayloadBytes)
        {
            return ValueTask.FromResult(Refuse(RejectionReasons.Oversized, $"{payload.Length} bytes is more than the limit of {_limits.MaxPayloadBytes}", topic, clientId, payload));
        }
        var now = _time.GetUtcNow();
        var parsed = route.Kind switch
        {
            TopicKind.TwinTelemetry => _json.ParseSingle(route.TwinId!, payload, now),
            TopicKind.BatchTelemetry => _json.ParseBatch(payload, now),
            _ => _collectd.Parse(route.Host!, route.Plugin!, route.Type!, payload, now),
        };
        if (parsed.Rejection is { } invalid) return ValueTask.FromResult(Refuse(invalid.Reason, invalid.Detail, topic, clientId, payload));
        var message = parsed.Message!;
        foreach (var batch in message.Batches)
        {
            if (!publisher.MayPublishFor(batch.TwinId))
            {
                _statistics.PublishRefused();
                return ValueTask.FromResult(Refuse(RejectionReasons.NotAuthorized, $"'{publisher.Name}' may not publish for twin '{batch.TwinId}'", topic, clientId, payload));
            }
        }
        var context = new MessageContext(topic, clientId, payload);
        return ApplyAsync(message, context);
    }

    private async ValueTask<IngestionOutcome> ApplyAsync(TelemetryMessage message, MessageContext context)
    {
        var batches = message.Batches;
        var targets = new ITelemetryTarget[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            var id = batches[i].TwinId;
            var kind = await _directory.ResolveAsync(id).ConfigureAwait(false);
            if (kind is null) return Refuse(RejectionReasons.UnknownTwin, $"no twin '{id}' in the live topology", context);
            if (!_targets.TryGetValue(id, out var known) || known.Kind != kind.Value)
            {
                var target = _grains.GetTelemetryTarget(new TwinKey(id), kind.Value);
                if (target is null) return Refuse(RejectionReasons.NotATelemetryTwin, $"twin '{id}' is a {kind.Value.ToWireName()}, which takes no readings", context);
                known = (kind.Value, target);
                if (_targets.Count < MaxCachedTargets) _targets[id] = known;
            }
            targets[i] = known.Target;
        }

        IngestResult[] results;
        try
        {
            if (targets.Length == 1)
            {
                results = [await IngestAsync(targets[0], batches[0]).ConfigureAwait(false)];
            }
            else
            {
                var calls = new Task<IngestResult>[targets.Length];
                for (var i = 0; i < targets.Length; i++) calls[i] = IngestAsync(targets[i], batches[i]);
                results = await Task.WhenAll(calls).ConfigureAwait(false);
            }
        }
        catch (TwinNotFoundException ex)
        {
            // The cached directory knew a twin that has since been removed.
            _directory.Invalidate();
            return Refuse(RejectionReasons.UnknownTwin, ex.Message, context);
        }
        catch (Exception ex)
        {
            return FailedBy(ex, context.Topic);
        }

        var applied = 0;
        ReadingRejection? firstRefusal = null;
        var refused = 0;
        foreach (var result in results)
        {
            applied += result.Applied;
            foreach (var rejection in result.Rejected)
            {
                _statistics.ReadingsRefused(rejection.Reason);
                firstRefusal ??= rejection;
                refused++;
            }
        }
        var latency = Math.Max(0, (_time.GetUtcNow() - message.Earliest).TotalMilliseconds);
        if (firstRefusal is null) return new IngestionOutcome(IngestionStatus.Applied, null, applied, latency);

        var detail = UntrustedText.Escape($"{refused} of {message.Points} readings refused by the twins; first: '{firstRefusal.Metric}': {firstRefusal.Detail}", MaxDetailLength);
        _deadLetters.Add(firstRefusal.Reason, detail, context.Topic, context.ClientId, context.Payload);
        var rejectionOfTwin = new TelemetryRejection(firstRefusal.Reason, detail);
        return applied > 0
            ? new IngestionOutcome(IngestionStatus.Applied, rejectionOfTwin, applied, latency)
            : new IngestionOutcome(IngestionStatus.Rejected, rejectionOfTwin);
    }

    // Applied mode: into the twin's memory. Durable mode: through the twin's lane, returning once the twin wrote it.
    private Task<IngestResult> IngestAsync(ITelemetryTarget target, TelemetryBatch batch) =>
        _durable is null ? target.IngestAsync(batch) : _durable.IngestAsync(target, batch);

    private ValueTask<IngestionOutcome> AcknowledgeCommandAsync(string twinId, string topic, in ReadOnlySequence<byte> payload, DevicePrincipal publisher, string? clientId)
    {
        if (!publisher.MayPublishFor(twinId))
        {
            _statistics.PublishRefused();
            return ValueTask.FromResult(Refuse(RejectionReasons.NotAuthorized, $"'{publisher.Name}' may not answer commands for twin '{twinId}'", topic, clientId, payload));
        }
        if (payload.Length > 16 * 1024) return ValueTask.FromResult(Refuse(RejectionReasons.Oversized, "a command acknowledgement is a small JSON object", topic, clientId, payload));
        CommandAcknowledgement? ack;
        try
        {
            var reader = new Utf8JsonReader(payload);
            ack = JsonSerializer.Deserialize<CommandAcknowledgement>(ref reader);
        }
        catch (JsonException ex)
        {
            return ValueTask.FromResult(Refuse(RejectionReasons.Malformed, ex.Message, topic, clientId, payload));
        }
        if (ack is not { CommandId: { Length: > 0 } commandId, Success: { } success })
        {
            return ValueTask.FromResult(Refuse(RejectionReasons.Malformed, "expected {\"commandId\": \"...\", \"success\": true|false, \"detail\": \"...\"}", topic, clientId, payload));
        }
        var context = new MessageContext(topic, clientId, payload);
        return ApplyAcknowledgementAsync(twinId, commandId, success, ack.Detail, context);
    }

    private async ValueTask<IngestionOutcome> ApplyAcknowledgementAsync(string twinId, string commandId, bool success, string? detail, MessageContext context)
    {
        var kind = await _directory.ResolveAsync(twinId).ConfigureAwait(false);
        if (kind is null) return Refuse(RejectionReasons.UnknownTwin, $"no twin '{twinId}' in the live topology", context);
        if (kind.Value.LevelOf() != TwinLevel.Asset) return Refuse(RejectionReasons.NotATelemetryTwin, $"twin '{twinId}' is a {kind.Value.ToWireName()}, which takes no commands", context);
        try
        {
            var known = await _grains.GetGrain<IAssetGrain>(new TwinKey(twinId).ToGrainKey()).AcknowledgeCommandAsync(commandId, success, detail).ConfigureAwait(false);
            if (!known) return Refuse(RejectionReasons.Malformed, $"twin '{twinId}' has no command '{commandId}'", context);
            return IngestionOutcome.Passed;
        }
        catch (Exception ex) when (ex is not TwinNotFoundException)
        {
            _logger.LogWarning(ex, "The acknowledgement of command {CommandId} for {TwinId} could not be applied", UntrustedText.Escape(commandId), twinId);
            return new IngestionOutcome(IngestionStatus.Failed, new TelemetryRejection("failed", UntrustedText.Escape(ex.Message)));
        }
        catch (TwinNotFoundException ex)
        {
            _directory.Invalidate();
            return Refuse(RejectionReasons.UnknownTwin, ex.Message, context);
        }
    }

    // Refusal details quote the input (twin ids, metric names, parser messages): escaped here, once, before they
    // reach a PUBACK reason string, a dead letter or a log line.
    private IngestionOutcome Refuse(string reason, string detail, string topic, string? clientId, in ReadOnlySequence<byte> payload)
    {
        detail = UntrustedText.Escape(detail, MaxDetailLength);
        _deadLetters.Add(reason, detail, topic, clientId, payload);
        return new IngestionOutcome(IngestionStatus.Rejected, new TelemetryRejection(reason, detail));
    }

    private IngestionOutcome Refuse(string reason, string detail, MessageContext context) =>
        Refuse(reason, detail, context.Topic, context.ClientId, context.Payload);

    private sealed record MessageContext(string Topic, string? ClientId, ReadOnlySequence<byte> Payload);
}
