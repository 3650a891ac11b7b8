using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>A room twin: racks and floor-standing assets (CRACs, UPSs).</summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class RoomGrain(
    [PersistentState(TwinStorage.States.Room, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TwinGrain(state, options), IRoomGrain
{
    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.Room;
}
