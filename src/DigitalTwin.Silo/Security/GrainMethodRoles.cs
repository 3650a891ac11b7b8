using System.Collections.Concurrent;
using System.Reflection;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// The role an external caller needs for a grain method: the method's <see cref="RequiresRoleAttribute"/>, else its
/// interface's, else admin — a method nobody classified (an internal interface, an Orleans system grain) is not
/// open to readers. Orleans' stream pub-sub is the exception: clients that subscribe to change feeds call it.
/// </summary>
public static class GrainMethodRoles
{
    private static readonly ConcurrentDictionary<MethodInfo, TwinRole> Known = new();

    /// <summary>The least role that may call <paramref name="method"/> from outside the silo.</summary>
    public static TwinRole For(MethodInfo method) => Known.GetOrAdd(method, static m =>
        m.GetCustomAttribute<RequiresRoleAttribute>()?.Role
        ?? m.DeclaringType?.GetCustomAttribute<RequiresRoleAttribute>()?.Role
        ?? (m.DeclaringType?.FullName == "Orleans.Streams.IPubSubRendezvousGrain" ? TwinRole.Viewer : TwinRole.Admin));
}
