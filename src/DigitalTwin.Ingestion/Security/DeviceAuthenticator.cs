using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DigitalTwin.Ingestion.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Ingestion.Security;

/// <summary>
/// Checks MQTT credentials against the configured devices. PBKDF2 is slow on purpose, so a successful check is
/// remembered (as a keyed digest of the password, never the password) and a reconnecting device costs one hash
/// look-up instead of hundreds of thousands of HMAC rounds.
/// </summary>
public sealed class DeviceAuthenticator
{
    private readonly MqttIngestionOptions _options;
    private readonly Dictionary<string, DeviceCredential> _devices;
    private readonly ConcurrentDictionary<string, (byte[] Digest, DevicePrincipal Principal)> _verified = new(StringComparer.Ordinal);
    private readonly byte[] _digestKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Loads the configured devices; malformed hashes are logged and never match.</summary>
    public DeviceAuthenticator(IOptions<MqttIngestionOptions> options, ILogger<DeviceAuthenticator> logger)
    {
        _options = options.Value;
        _devices = new Dictionary<string, DeviceCredential>(StringComparer.Ordinal);
        foreach (var device in _options.Devices)
        {
            if (string.IsNullOrEmpty(device.Username)) continue;
            if (!PasswordHash.IsWellFormed(device.PasswordHash))
            {
                logger.LogWarning("Device '{Device}' has a password hash that is not pbkdf2-sha256$<iterations>$<salt>$<hash>; it cannot connect", device.Username);
            }
            _devices[device.Username] = device;
        }
    }

    /// <summary>
    /// The principal for a connect with these credentials, or null to refuse it. No user name means anonymous,
    /// allowed only when <see cref="MqttIngestionOptions.AllowAnonymous"/> is set.
    /// </summary>
    public DevicePrincipal? Authenticate(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username)) return _options.AllowAnonymous ? DevicePrincipal.Anonymous : null;
        if (!_devices.TryGetValue(username, out var device)) return null;
        var digest = HMACSHA256.HashData(_digestKey, Encoding.UTF8.GetBytes(password ?? ""));
        if (_verified.TryGetValue(username, out var known) && CryptographicOperations.FixedTimeEquals(known.Digest, digest))
        {
            return known.Principal;
        }
        if (!PasswordHash.Verify(password ?? "", device.PasswordHash)) return null;
        var principal = DevicePrincipal.For(device);
        _verified[username] = (digest, principal);
        return principal;
    }
}
