namespace DigitalTwin.Abstractions.Security;

/// <summary>
/// How an Orleans client presents its access token: the short-lived token the silo issues
/// (<c>POST /api/auth/token</c> or <c>dt login</c>) travels in the Orleans <see cref="RequestContext"/> under
/// <see cref="RequestContextKey"/> with every call.
/// </summary>
public static class TwinAccessToken
{
    /// <summary>The request-context key the token travels under.</summary>
    public const string RequestContextKey = "dt.token";

    /// <summary>
    /// Attaches the token <paramref name="token"/> returns (asked on every call, so a refreshed token is used at once)
    /// to every call this client makes.
    /// </summary>
    public static IClientBuilder UseDigitalTwinAccessToken(this IClientBuilder client, Func<string?> token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return client.AddOutgoingGrainCallFilter(async context =>
        {
            if (token() is { Length: > 0 } value) RequestContext.Set(RequestContextKey, value);
            await context.Invoke();
        });
    }
}
