using System.Security.Claims;
using System.Text;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Password sign-in against the configured users; every failure is written to the audit trail (with the name tried,
/// the channel and the remote address, never the password) and logged.
/// </summary>
public sealed class UserSignIn(SecuritySettings settings, IAuditLog audit, ILogger<UserSignIn> logger)
{
    private readonly IReadOnlyDictionary<string, ConfiguredUser> _users = settings.Users;

    /// <summary>The user whose password this is, or null (after recording the failure).</summary>
    public async Task<ConfiguredUser?> CheckAsync(string? name, string? password, string channel, HttpContext http)
    {
        _users.TryGetValue(name ?? "", out var user);
        if (!string.IsNullOrEmpty(password) && PasswordHashes.Verify(user, password)) return user;
        var tried = Printable(name);
        var reason = string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) ? "no user name or password given"
            : user is null ? "unknown user" : "wrong password";
        var from = http.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        logger.LogWarning("Sign-in refused for '{User}' from {Address} ({Channel}): {Reason}", tried, from, channel, reason);
        try
        {
            await audit.AppendAsync(new AuditEntry(AuditActions.SignInFailure, tried, null, $"{channel} from {from}: {reason}"), http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record a refused sign-in in the audit trail");
        }
        return null;
    }

    /// <summary>The principal a signed-in user carries: the name and every role the user's role includes.</summary>
    public static ClaimsPrincipal PrincipalOf(string name, TwinRole role, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(AccessTokens.NameClaim, name), .. TwinRoles.Including(role).Select(r => new Claim(AccessTokens.RoleClaim, TwinRoles.Name(r)))],
            authenticationType, AccessTokens.NameClaim, AccessTokens.RoleClaim));

    // What a caller typed goes into logs and the audit trail: one line, bounded.
    private static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "(none)";
        var builder = new StringBuilder();
        foreach (var c in text.Length > 64 ? text[..64] : text) builder.Append(char.IsControl(c) ? '?' : c);
        return builder.ToString();
    }
}
