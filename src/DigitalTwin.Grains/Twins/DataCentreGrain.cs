using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>A data-centre twin: the root of a graph.</summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class DataCentreGrain(
    [PersistentState(TwinStorage.States.DataCentre, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TwinGrain(state, options), IDataCentreGrain
{
    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.DataCentre;

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenancePrediction>> GetPredictionsAsync(int top = 50) =>
        await CollectPredictionsAsync(Math.Clamp(top, 1, 1000), Options.QueryTimeout);
}
