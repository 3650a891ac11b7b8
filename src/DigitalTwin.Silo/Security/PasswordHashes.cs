using Microsoft.AspNetCore.Identity;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Password hashes in ASP.NET Core's own format (<see cref="PasswordHasher{TUser}"/>: PBKDF2 with HMAC-SHA512,
/// 100,000 iterations, a random salt), so the silo never stores or compares a password itself.
/// </summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<ConfiguredUser> Hasher = new();

    // Checked against when the user is unknown, so a wrong name costs as long as a wrong password.
    private static readonly string Decoy = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    /// <summary>A new hash of <paramref name="password"/>.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="user"/>'s hash (always false, at the same cost, for no user).</summary>
    public static bool Verify(ConfiguredUser? user, string password) =>
        Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? Decoy, password) != PasswordVerificationResult.Failed && user is not null;

    /// <summary>Whether a configured value has the shape of a hash this format produces (and not, say, a password).</summary>
    public static bool LooksValid(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash)) return false;
        try
        {
            var bytes = Convert.FromBase64String(hash);
            // Version 3 of the format: marker byte 0x01 then PRF, iterations, salt length, salt and subkey.
            return bytes.Length >= 13 + 16 + 32 && bytes[0] == 0x01;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
