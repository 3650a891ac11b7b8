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
}
