using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>A rack twin: its assets, power against budget, inlet temperatures.</summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class RackGrain(
    [PersistentState(TwinStorage.States.Rack, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TwinGrain(state, options), IRackGrain
{
    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.Rack;
}
