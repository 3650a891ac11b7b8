namespace DigitalTwin.Abstractions.Security;

/// <summary>
/// The role an external caller (an Orleans client) needs to call a grain method. On an interface it applies to every
/// method that does not carry its own. A grain method with neither needs <see cref="TwinRole.Admin"/>: what nobody
/// classified is not open to everybody. Calls made inside the silo (rollups, the topology driving twins, ingestion,
/// the HTTP API after its own sign-in) are not checked again.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class RequiresRoleAttribute(TwinRole role) : Attribute
{
    /// <summary>The least role that may call.</summary>
    public TwinRole Role { get; } = role;
}
