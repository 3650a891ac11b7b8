namespace DigitalTwin.Silo.Security;

/// <summary>Marks every grain call this silo makes as internal (<see cref="SiloCallMark"/>), except calls to clients.</summary>
internal sealed class SiloCallMarking(SiloCallMark mark) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        // A client (an observer or stream consumer) would receive the request context: it must never learn the mark.
        if (context.TargetId.Type.IsClient()) RequestContext.Remove(SiloCallMark.RequestContextKey);
        else RequestContext.Set(SiloCallMark.RequestContextKey, mark.Value);
        await context.Invoke();
    }
}
