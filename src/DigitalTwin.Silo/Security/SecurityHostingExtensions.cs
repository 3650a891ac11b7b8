using DigitalTwin.Abstractions.Security;
using DigitalTwin.Persistence.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace DigitalTwin.Silo.Security;

/// <summary>Sign-in and roles for the web pages, the HTTP API, the dashboard and external grain calls.</summary>
public static class SecurityHostingExtensions
{
    private const string SignedIn = "SignedIn";

    /// <summary>
    /// Reads <c>DigitalTwin:Security</c> and adds ASP.NET Core authentication (a cookie for people, bearer tokens for
    /// scripts), the role policies, and the grain-call filters that check external Orleans clients. Unsafe settings
    /// stop the silo here, before anything binds: an open silo bound beyond loopback, a required one nobody can sign
    /// in to, several silos without a shared token key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are invalid or unsafe; the message says which and why.</exception>
    public static WebApplicationBuilder AddDigitalTwinSecurity(this WebApplicationBuilder builder)
    {
        var settings = SecuritySettings.From(builder.Configuration);
        Refuse(Problems(settings, builder.Configuration));
        var cluster = ClusterSettings.From(builder.Configuration);
        var tokens = new AccessTokens(settings.TokenKey ?? AccessTokens.RandomKey(), cluster.ServiceId, settings.TokenLifetime);
        var open = settings.Mode == SecurityMode.Open;

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(tokens);
        services.AddSingleton(new SiloCallMark(tokens.Validation.IssuerSigningKey is Microsoft.IdentityModel.Tokens.SymmetricSecurityKey k ? k.Key : AccessTokens.RandomKey()));
        services.AddSingleton<UserSignIn>();
        services.AddSingleton<IOutgoingGrainCallFilter, SiloCallMarking>();
        services.AddSingleton<IIncomingGrainCallFilter, ExternalCallGate>();

        var authentication = services.AddAuthentication(SignedIn)
            .AddPolicyScheme(SignedIn, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? JwtBearerDefaults.AuthenticationScheme
                : open && !http.Request.Cookies.ContainsKey(SessionCookie) ? OpenAccessHandler.Name
                : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                // Strict: no other site can make a signed-in browser post to the API.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.Events.OnRedirectToLogin = c => Challenge(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Challenge(c, StatusCodes.Status403Forbidden);
            })
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.Validation;
            });
        if (open) authentication.AddScheme<AuthenticationSchemeOptions, OpenAccessHandler>(OpenAccessHandler.Name, null);

        services.AddSingleton<IAuthorizationHandler, MethodRoleRequirement>();
        var policies = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<TwinRole>())
        {
            var name = TwinRoles.Name(role);
            policies.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(name));
        }
        policies.SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(TwinRoles.Viewer).Build());
        policies.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MethodRoleRequirement()).Build());
        return builder;
    }

    /// <summary>
    /// Authenticates and authorises every request before the pages, API and dashboard see it, names the caller for
    /// the grains it reaches (<see cref="TwinActor"/>), and maps the sign-in endpoints. Call right after Build.
    /// </summary>
    public static WebApplication UseDigitalTwinSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<SecuritySettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DigitalTwin.Security");
        if (settings.Mode == SecurityMode.Open)
        {
            logger.LogWarning("Security mode Open: nobody signs in and every caller may do everything; listening on loopback only");
        }
        else
        {
            logger.LogInformation("Security mode Required: {Users} configured user(s) ({Names}); access tokens valid for {Lifetime}{KeyNote}",
                settings.Users.Count, string.Join(", ", settings.Users.Values.Select(u => $"{u.Name} ({TwinRoles.Name(u.Role)})")), settings.TokenLifetime,
                settings.TokenKey is null ? "; no TokenKey configured, so tokens are signed with a random key and end when this silo stops" : "");
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((http, next) =>
        {
            if (http.User.Identity is { IsAuthenticated: true, Name: { } name }) RequestContext.Set(TwinActor.RequestContextKey, name);
            return next(http);
        });
        app.MapDigitalTwinSignIn();
        return app;
    }

    private const string SessionCookie = "dt.session";

    // A browser asking for a page is sent to the sign-in form; an API call or script gets the status code.
    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsPage = HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api")
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsPage && status == StatusCodes.Status401Unauthorized) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static List<string> Problems(SecuritySettings settings, IConfiguration configuration)
    {
        var problems = new List<string>();
        if (settings.Mode == SecurityMode.Open)
        {
            var exposed = OpenModeGuard.NonLoopbackBindings(configuration);
            if (exposed.Count > 0)
            {
                problems.Add($"{SecuritySettings.Section}:Mode is Open (nobody signs in), but {string.Join("; ", exposed)}. " +
                    "An open silo may only listen on loopback (127.0.0.1, ::1, localhost): bind those to loopback, or set " +
                    $"{SecuritySettings.Section}:Mode=Required and configure users");
            }
            return problems;
        }
        if (settings.Users.Count == 0)
        {
            problems.Add($"{SecuritySettings.Section}:Mode is Required but no users are configured, so nobody could sign in. " +
                $"Add {SecuritySettings.Section}:Users:<name>:Role and :PasswordHash (make the hash with `dt hash-password`), " +
                $"or run the demo (--demo) or a loopback-only open silo ({SecuritySettings.Section}:Mode=Open)");
        }
        if (settings.TokenKey is null && StorageSettings.From(configuration).Provider == StorageProvider.Postgres)
        {
            problems.Add($"{SecuritySettings.Section}:TokenKey is not set, but silos sharing PostgreSQL must share it to accept each other's " +
                "calls and tokens; set the same base64 key (`openssl rand -base64 32`) on every silo");
        }
        return problems;
    }

    private static void Refuse(List<string> problems)
    {
        if (problems.Count > 0) throw new InvalidOperationException("Refusing to start: " + string.Join(". ", problems) + ". See the README's Security section.");
    }
}
