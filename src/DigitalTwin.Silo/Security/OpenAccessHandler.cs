using System.Security.Claims;
using System.Text.Encodings.Web;
using DigitalTwin.Abstractions.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Silo.Security;

/// <summary>An open silo's caller: anonymous, with every role. Only registered when <c>DigitalTwin:Security:Mode=Open</c>.</summary>
internal sealed class OpenAccessHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Open";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [new Claim(AccessTokens.NameClaim, TwinActor.Anonymous), .. Enum.GetValues<TwinRole>().Select(r => new Claim(AccessTokens.RoleClaim, TwinRoles.Name(r)))],
            Name, AccessTokens.NameClaim, AccessTokens.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
