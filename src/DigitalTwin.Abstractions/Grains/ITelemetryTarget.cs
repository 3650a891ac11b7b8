using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>A twin that takes readings: assets and components.</summary>
public interface ITelemetryTarget : IGrainWithStringKey
{
    /// <summary>
    /// Applies a batch of readings to the twin. When the call returns, the applied readings are in the twin's
    /// memory (latest values, window, detectors) and will be checkpointed on the twin's cadence; rollups pick them
    /// up on the next tick.
    /// </summary>
    [RequiresRole(TwinRole.Operator)]
    Task<IngestResult> IngestAsync(TelemetryBatch batch);

    /// <summary>
    /// Applies <paramref name="batches"/> in order, each as <see cref="IngestAsync"/> would, then writes the twin's
    /// state before returning: when the call returns, what it applied survives a crash of the twin's silo. The
    /// durable acknowledgement mode's call; several messages' batches for one twin travel together so that one storage
    /// write covers them all. One result per batch, in the same order.
    /// </summary>
    [RequiresRole(TwinRole.Operator)]
    Task<IReadOnlyList<IngestResult>> IngestDurablyAsync(IReadOnlyList<TelemetryBatch> batches);
}
