namespace DigitalTwin.Abstractions.Security;

/// <summary>
/// Who a call inside the silo acts for, as the audit trail records it: set by the silo from a verified sign-in (the
/// HTTP user or the access token's subject) and carried in the Orleans <see cref="RequestContext"/> to every grain
/// the call reaches. Whatever a client puts under this key itself is replaced.
/// </summary>
public static class TwinActor
{
    /// <summary>The request-context key.</summary>
    public const string RequestContextKey = "dt.actor";

    /// <summary>Work the silo does on its own (timers, ingestion, start-up).</summary>
    public const string System = "system";

    /// <summary>A caller of an open silo (<c>DigitalTwin:Security:Mode=Open</c>) who presented no token.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor of the current call, or <see cref="System"/>.</summary>
    public static string Current => RequestContext.Get(RequestContextKey) as string is { Length: > 0 } actor ? actor : System;
}
