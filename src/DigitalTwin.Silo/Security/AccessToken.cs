using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>An issued access token.</summary>
/// <param name="Token">The compact JWT.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
/// <param name="User">Whom it names.</param>
/// <param name="Role">The role it carries.</param>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, string User, TwinRole Role);
