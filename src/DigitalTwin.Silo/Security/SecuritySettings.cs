using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>The <c>DigitalTwin:Security</c> configuration section.</summary>
public sealed record SecuritySettings
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "DigitalTwin:Security";

    /// <summary>Signing keys shorter than this are refused (HMAC-SHA256 wants at least its own output size).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Whether callers must sign in; <see cref="SecurityMode.Required"/> unless configured (the demo sets Open).</summary>
    public SecurityMode Mode { get; init; } = SecurityMode.Required;

    /// <summary>The users who may sign in with a password.</summary>
    public IReadOnlyDictionary<string, ConfiguredUser> Users { get; init; } = new Dictionary<string, ConfiguredUser>(StringComparer.Ordinal);

    /// <summary>
    /// The HMAC-SHA256 key that signs access tokens (<c>TokenKey</c>, base64, at least 32 bytes). Null when not
    /// configured: the silo then makes a random key at start, so its tokens die with it and no other silo accepts them.
    /// </summary>
    public byte[]? TokenKey { get; init; }

    /// <summary>How long an access token is valid (<c>TokenLifetime</c>, default one hour, at most a day).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Reads and checks the section; a bad value is reported with the setting's full name, never with a secret.</summary>
    public static SecuritySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var mode = section["Mode"];
        var lifetime = section["TokenLifetime"];
        return new SecuritySettings
        {
            Mode = string.IsNullOrWhiteSpace(mode) ? SecurityMode.Required
                : Enum.TryParse<SecurityMode>(mode.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new InvalidOperationException($"{Section}:Mode is '{mode}'; expected Required or Open."),
            Users = ReadUsers(section.GetSection("Users")),
            TokenKey = ReadKey(section["TokenKey"]),
            TokenLifetime = string.IsNullOrWhiteSpace(lifetime) ? TimeSpan.FromHours(1)
                : TimeSpan.TryParse(lifetime, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= TimeSpan.FromDays(1) ? span
                : throw new InvalidOperationException($"{Section}:TokenLifetime is '{lifetime}'; expected a duration such as 01:00:00, at most one day."),
        };
    }

    private static Dictionary<string, ConfiguredUser> ReadUsers(IConfigurationSection users)
    {
        var list = new Dictionary<string, ConfiguredUser>(StringComparer.Ordinal);
        foreach (var user in users.GetChildren())
        {
            var role = user["Role"];
            if (!TwinRoles.TryParse(role, out var parsed))
            {
                throw new InvalidOperationException(
                    $"{Section}:Users:{user.Key}:Role is '{role}'; expected {TwinRoles.Viewer}, {TwinRoles.Operator} or {TwinRoles.Admin}.");
            }
            var hash = user["PasswordHash"];
            if (!PasswordHashes.LooksValid(hash))
            {
                // The value itself is never repeated: it may be a password typed where its hash belongs.
                throw new InvalidOperationException(
                    $"{Section}:Users:{user.Key}:PasswordHash is missing or is not a password hash; make one with `dt hash-password`.");
            }
            list[user.Key] = new ConfiguredUser(user.Key, parsed, hash!);
        }
        return list;
    }

    private static byte[]? ReadKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Section}:TokenKey is not base64; make one with `openssl rand -base64 32`.");
        }
        return key.Length >= MinimumKeyBytes ? key
            : throw new InvalidOperationException($"{Section}:TokenKey has {key.Length} bytes; at least {MinimumKeyBytes} are needed (`openssl rand -base64 32`).");
    }
}
