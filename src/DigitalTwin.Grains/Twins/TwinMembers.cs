using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Twins;

/// <summary>Addressing a twin's internal member interface.</summary>
public static class TwinMembers
{
    /// <summary>The member interface of the twin with <paramref name="key"/> and <paramref name="kind"/>.</summary>
    public static ITwinMember GetMember(this IGrainFactory factory, TwinKey key, TwinKind kind) =>
        factory.GetTwin(key, kind).AsReference<ITwinMember>();
}
