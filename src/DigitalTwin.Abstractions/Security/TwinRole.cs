namespace DigitalTwin.Abstractions.Security;

/// <summary>
/// What a signed-in caller may do. Each role includes the ones below it: an operator may also read, an admin may
/// also operate. The names used in configuration and tokens are <see cref="TwinRoles"/>.
/// </summary>
public enum TwinRole
{
    /// <summary>Reads twins, topology, alerts, history and predictions.</summary>
    Viewer = 1,

    /// <summary>Also acknowledges alerts, sends device commands, runs scenarios and approves recommendations.</summary>
    Operator = 2,

    /// <summary>Also changes the topology, users and settings, and reads the audit trail.</summary>
    Admin = 3,
}
