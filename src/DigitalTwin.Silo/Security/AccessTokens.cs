using System.Security.Claims;
using System.Security.Cryptography;
using DigitalTwin.Abstractions.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// The silo's short-lived access tokens: JWTs signed with HMAC-SHA256 under <c>DigitalTwin:Security:TokenKey</c>,
/// issued to a user who signed in, naming the user (<c>sub</c>) and every role the user holds (<c>role</c>), for this
/// cluster's service id only (<c>aud</c>). The same validation serves HTTP bearer tokens and Orleans clients.
/// </summary>
public sealed class AccessTokens
{
    /// <summary>The token's issuer.</summary>
    public const string Issuer = "digitaltwin";

    /// <summary>The claim holding the roles.</summary>
    public const string RoleClaim = "role";

    /// <summary>The claim holding the user name.</summary>
    public const string NameClaim = "sub";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _clock;

    /// <summary>Creates the issuer and validator for one signing key and cluster.</summary>
    public AccessTokens(byte[] key, string audience, TimeSpan lifetime, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Audience = audience;
        Lifetime = lifetime;
        _clock = clock ?? TimeProvider.System;
        var signingKey = new SymmetricSecurityKey(key);
        _credentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256);
        Validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(5),
            NameClaimType = NameClaim,
            RoleClaimType = RoleClaim,
        };
    }

    /// <summary>The audience (the cluster's service id) tokens are issued for.</summary>
    public string Audience { get; }

    /// <summary>How long an issued token is valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>What a token must satisfy; shared with ASP.NET Core's bearer authentication.</summary>
    public TokenValidationParameters Validation { get; }

    /// <summary>A random key for a silo that was given none.</summary>
    public static byte[] RandomKey() => RandomNumberGenerator.GetBytes(SecuritySettings.MinimumKeyBytes);

    /// <summary>Issues a token for a user with a role, valid from <paramref name="issuedAt"/> (now) for <paramref name="lifetime"/> (the configured one).</summary>
    public AccessToken Issue(string user, TwinRole role, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var now = issuedAt ?? _clock.GetUtcNow();
        var expires = now + (lifetime ?? Lifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [NameClaim] = user,
                [RoleClaim] = TwinRoles.Including(role).Select(TwinRoles.Name).ToArray(),
            },
        });
        return new AccessToken(token, expires, user, role);
    }

    /// <summary>The token's identity, or null with the reason it was refused (expired, bad signature, another cluster, malformed).</summary>
    public async Task<(ClaimsIdentity? Identity, string? Refusal)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Validation);
        if (result.IsValid) return (result.ClaimsIdentity, null);
        return (null, result.Exception switch
        {
            SecurityTokenExpiredException => "the access token has expired; sign in again (dt login)",
            SecurityTokenNotYetValidException => "the access token is not valid yet",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the access token's signature is not this cluster's",
            SecurityTokenInvalidAudienceException or SecurityTokenInvalidIssuerException => "the access token was issued for another cluster",
            _ => "the access token is malformed",
        });
    }

    /// <summary>The highest role a validated identity holds, if any.</summary>
    public static TwinRole? HighestRole(ClaimsIdentity identity) =>
        identity.FindAll(RoleClaim).Select(c => TwinRoles.TryParse(c.Value, out var r) ? r : (TwinRole?)null).Max();
}
