using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// A twin that takes readings (asset or component). Ingestion only touches memory: no storage write and no call to
/// the parent per reading; the checkpoint and rollup timers carry the effects on.
/// </summary>
public abstract class TelemetryTwinGrain(IPersistentState<TwinState> state, IOptions<TwinOptions> options)
    : TwinGrain(state, options), ITelemetryTarget
{
    /// <inheritdoc />
    public Task<IngestResult> IngestAsync(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _ = Spec;
        var readings = batch.Readings ?? [];
        if (batch.TwinId != Key.TwinId)
        {
            var detail = $"Batch for '{batch.TwinId}' delivered to twin '{Key.TwinId}'.";
            return Task.FromResult(new IngestResult(0,
                readings.Select(r => new ReadingRejection(r.Metric ?? "", RejectionReasons.UnknownTwin, detail)).ToArray()));
        }
        var result = Ledger.Apply(State, readings, Clock.GetUtcNow(), OnReadingApplied);
        if (result.Applied > 0) MarkOwnChanged();
        return Task.FromResult(result);
    }

    /// <summary>Called for each accepted reading, in order; <paramref name="isLatest"/> is false for an out-of-order one.</summary>
    protected virtual void OnReadingApplied(Reading reading, bool isLatest)
    {
    }
}
