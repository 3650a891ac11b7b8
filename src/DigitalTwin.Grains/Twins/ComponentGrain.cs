using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>A component twin: CPU, memory, disk, fan or PSU inside an asset.</summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class ComponentGrain(
    [PersistentState(TwinStorage.States.Component, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TelemetryTwinGrain(state, options), IComponentGrain
{
    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.Component;

    /// <inheritdoc />
    public Task<MaintenancePrediction?> GetPredictionAsync()
    {
        _ = Spec;
        return OwnPredictionAsync();
    }
}
