using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Silo.Security;

namespace DigitalTwin.Testing.Processes;

/// <summary>
/// A silo's security as a test sets it up: <c>Mode=Required</c>, a random token key and one user per role
/// (<c>viewer</c>, <c>operator</c>, <c>admin</c>) with random passwords. Pass <see cref="Settings"/> to
/// <see cref="SiloProcess.StartAsync"/>, then <see cref="SignInAsync"/> for a token as the silo issues it, or
/// <see cref="Mint"/> for one the test shapes itself (expired, or signed with another key).
/// </summary>
public sealed class SiloSecurity
{
    private readonly Dictionary<TwinRole, string> _passwords = Enum.GetValues<TwinRole>().ToDictionary(r => r, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));

    /// <summary>The base64 signing key the silo is given.</summary>
    public string TokenKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The user name of the user holding <paramref name="role"/>.</summary>
    public static string UserOf(TwinRole role) => TwinRoles.Name(role);

    /// <summary>The password of the user holding <paramref name="role"/>.</summary>
    public string PasswordOf(TwinRole role) => _passwords[role];

    /// <summary>The silo settings: required sign-in, the key, the three users (by hash).</summary>
    public IReadOnlyDictionary<string, string> Settings => SettingsWith();

    /// <summary><see cref="Settings"/> plus (overriding) <paramref name="more"/>.</summary>
    public Dictionary<string, string> SettingsWith(IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["DigitalTwin:Security:Mode"] = "Required",
            ["DigitalTwin:Security:TokenKey"] = TokenKey,
        };
        foreach (var (role, password) in _passwords)
        {
            settings[$"DigitalTwin:Security:Users:{UserOf(role)}:Role"] = TwinRoles.Name(role);
            settings[$"DigitalTwin:Security:Users:{UserOf(role)}:PasswordHash"] = PasswordHashes.Hash(password);
        }
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    /// <summary>Signs in as the user holding <paramref name="role"/> through <c>POST /api/auth/token</c>; returns the token.</summary>
    public async Task<string> SignInAsync(HttpClient http, TwinRole role)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = UserOf(role), password = PasswordOf(role) });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in as {UserOf(role)} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A token shaped by the test: for <paramref name="role"/>, issued at <paramref name="issuedAt"/> for <paramref name="lifetime"/>, signed with <paramref name="key"/> (this silo's when null).</summary>
    public string Mint(TwinRole role, DateTimeOffset issuedAt, TimeSpan lifetime, byte[]? key = null, string audience = "digitaltwin") =>
        new AccessTokens(key ?? Convert.FromBase64String(TokenKey), audience, lifetime).Issue(UserOf(role), role, issuedAt, lifetime).Token;
}
