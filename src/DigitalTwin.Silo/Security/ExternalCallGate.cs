using System.Text;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Checks every grain call that did not start inside the cluster: it must carry a valid access token
/// (<see cref="TwinAccessToken"/>) whose roles reach what the method needs (<see cref="GrainMethodRoles"/>). The
/// caller's name from the token becomes the call's <see cref="TwinActor"/>. An open silo lets every call through,
/// naming it anonymous unless it carries a valid token.
/// </summary>
internal sealed class ExternalCallGate(SecuritySettings settings, AccessTokens tokens, SiloCallMark mark, ILogger<ExternalCallGate> logger)
    : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (mark.IsPresent() || IsTimerTick(context) || IsClientHandshake(context))
        {
            await context.Invoke();
            return;
        }
        // Whatever actor the client claimed is replaced by what its token proves. Set here, not in AdmitAsync: a
        // request-context value set inside an awaited method does not flow back out to the call it admits.
        RequestContext.Remove(TwinActor.RequestContextKey);
        var (actor, refusal) = await AdmitAsync(context);
        if (actor is not null) RequestContext.Set(TwinActor.RequestContextKey, actor);
        if (refusal is not null)
        {
            logger.LogWarning("Refused {Interface}.{Method} from external client {Client}: {Reason}",
                context.InterfaceMethod?.DeclaringType?.Name, context.InterfaceMethod?.Name, context.SourceId, refusal);
            throw new TwinAccessDeniedException(refusal);
        }
        await context.Invoke();
    }

    // Orleans delivers a grain's own timer ticks as calls to itself that no outgoing filter sees; at worst a client
    // could make a timer tick early, which the timer's own code has to tolerate anyway.
    private static bool IsTimerTick(IIncomingGrainCallContext context) =>
        context.InterfaceMethod?.DeclaringType?.FullName == "Orleans.Runtime.IGrainTimerInvoker" && context.SourceId == context.TargetId;

    // Every client reads the cluster's manifest (which grain types exist) before its first call, token or not.
    private static bool IsClientHandshake(IIncomingGrainCallContext context) =>
        context.InterfaceMethod?.DeclaringType?.FullName == "Orleans.Runtime.IClusterManifestSystemTarget";

    /// <summary>The caller's name when the call may proceed, or the reason it may not.</summary>
    private async Task<(string? Actor, string? Refusal)> AdmitAsync(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        var needed = method is null ? TwinRole.Admin : GrainMethodRoles.For(method);
        var name = $"{method?.DeclaringType?.Name}.{method?.Name}";
        if (RequestContext.Get(TwinAccessToken.RequestContextKey) is not string token || token.Length == 0)
        {
            if (settings.Mode == SecurityMode.Open) return (TwinActor.Anonymous, null);
            return (null, $"{name} needs an access token with the {TwinRoles.Name(needed)} role; none was presented (dt login, or POST /api/auth/token)");
        }
        var (identity, failure) = await tokens.ValidateAsync(token);
        if (identity is null) return (null, $"{name} refused: {failure}");
        var held = AccessTokens.HighestRole(identity);
        var user = identity.FindFirst(AccessTokens.NameClaim)?.Value ?? "?";
        if (held is null || held < needed)
        {
            return (null, $"{name} needs the {TwinRoles.Name(needed)} role; '{Printable(user)}' holds {(held is null ? "none" : TwinRoles.Name(held.Value))}");
        }
        return (user, null);
    }

    // A name comes from a token the silo signed, but keep log lines one line whatever it holds.
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Length > 64 ? text[..64] : text) builder.Append(char.IsControl(c) ? '?' : c);
        return builder.ToString();
    }
}
