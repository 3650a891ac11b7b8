using System.Net;
using System.Text.Json;
using DigitalTwin.Abstractions.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Signing in: <c>/login</c> (a form; a cookie for people), <c>/logout</c>, and <c>POST /api/auth/token</c> (a
/// short-lived bearer token for scripts, <c>dt</c> and Orleans clients; from a user name and password, or for the
/// user already signed in with a cookie).
/// </summary>
internal static class SignInEndpoints
{
    public sealed record TokenRequest(string? Username, string? Password);

    public static WebApplication MapDigitalTwinSignIn(this WebApplication app)
    {
        app.MapGet("/login", (string? failed, string? returnUrl) =>
            Results.Content(LoginPage(failed is not null, LocalOrRoot(returnUrl)), "text/html; charset=utf-8")).AllowAnonymous();
        app.MapPost("/login", async (HttpContext http, UserSignIn signIn) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = LocalOrRoot(form["returnUrl"]);
            var user = await signIn.CheckAsync(form["username"], form["password"], "web sign-in", http);
            if (user is null) return Results.Redirect($"/login?failed=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                UserSignIn.PrincipalOf(user.Name, user.Role, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Redirect(returnUrl);
        }).AllowAnonymous();
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous();
        app.MapPost("/api/auth/token", async (HttpContext http, UserSignIn signIn, AccessTokens tokens) =>
        {
            var request = await ReadTokenRequestAsync(http.Request);
            if (request?.Username is null && await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme) is { Succeeded: true } session)
            {
                var name = session.Principal!.Identity!.Name!;
                var role = TwinRoles.Including(TwinRole.Admin).First(r => session.Principal.IsInRole(TwinRoles.Name(r)));
                return Results.Ok(Answer(tokens.Issue(name, role)));
            }
            var user = await signIn.CheckAsync(request?.Username, request?.Password, "token request", http);
            return user is null
                ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "sign_in_failed", detail: "Unknown user name or wrong password.")
                : Results.Ok(Answer(tokens.Issue(user.Name, user.Role)));
        }).AllowAnonymous();
        return app;
    }

    private static object Answer(AccessToken token) =>
        new { token = token.Token, tokenType = "Bearer", expiresAt = token.ExpiresAt, user = token.User, role = TwinRoles.Name(token.Role) };

    private static async Task<TokenRequest?> ReadTokenRequestAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return new TokenRequest(form["username"], form["password"]);
        }
        if (request.ContentLength is 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            return await JsonSerializer.DeserializeAsync<TokenRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Only paths on this site: an open redirect would let a link to /login send a person elsewhere after signing in.
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static string LoginPage(bool failed, string returnUrl) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>DigitalTwin: sign in</title>
        <style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}
        .error{color:#b00020}</style></head>
        <body><h1>DigitalTwin</h1>
        {{(failed ? "<p class=\"error\">Unknown user name or wrong password.</p>" : "")}}
        <form method="post" action="/login">
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
        <label>User name <input name="username" autocomplete="username" required autofocus></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form></body></html>
        """;
}
