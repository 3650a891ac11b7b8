namespace DigitalTwin.Abstractions.Security;

/// <summary>The role names used in configuration, tokens and ASP.NET Core policies.</summary>
public static class TwinRoles
{
    /// <summary>The name of <see cref="TwinRole.Viewer"/>.</summary>
    public const string Viewer = "viewer";

    /// <summary>The name of <see cref="TwinRole.Operator"/>.</summary>
    public const string Operator = "operator";

    /// <summary>The name of <see cref="TwinRole.Admin"/>.</summary>
    public const string Admin = "admin";

    /// <summary>The name of a role.</summary>
    public static string Name(TwinRole role) => role switch
    {
        TwinRole.Viewer => Viewer,
        TwinRole.Operator => Operator,
        TwinRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    /// <summary>Reads a role name (case-insensitive).</summary>
    public static bool TryParse(string? name, out TwinRole role)
    {
        role = name?.Trim().ToLowerInvariant() switch
        {
            Viewer => TwinRole.Viewer,
            Operator => TwinRole.Operator,
            Admin => TwinRole.Admin,
            _ => 0,
        };
        return role != 0;
    }

    /// <summary>The role and every role it includes, highest first (an admin is also an operator and a viewer).</summary>
    public static IReadOnlyList<TwinRole> Including(TwinRole role) =>
        Enum.GetValues<TwinRole>().Where(r => r <= role).OrderDescending().ToList();
}
