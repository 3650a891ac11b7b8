using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// Every endpoint the silo maps (read from its endpoint data sources, so endpoints added later are covered without
/// touching this test) and the Orleans dashboard refuse a caller without credentials, refuse a viewer what needs an
/// operator or admin, refuse expired and forged tokens, and let the right role through.
/// </summary>
public sealed class Every_endpoint_and_the_dashboard_need_sign_in(SecuredSiloHost host) : IClassFixture<SecuredSiloHost>
{
    // The only endpoints anyone may call: health probes and signing in. A new anonymous endpoint fails this test.
    private static readonly string[] Anonymous = ["GET /healthz", "GET /login", "POST /login", "POST /logout", "POST /api/auth/token"];

    // Endpoints that change nothing although they are not GETs, and so are open to viewers.
    private static readonly string[] ViewerMayPost = ["POST /api/topology/validate"];

    [Fact]
    public void Only_health_and_sign_in_are_anonymous()
    {
        var anonymous = Endpoints().Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Name).Order().ToList();
        Assert.Equal(Anonymous.Order(), anonymous);
        Assert.Contains(Endpoints(), e => e.Name.StartsWith("GET /dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_refuses_a_caller_without_credentials_or_with_an_expired_or_forged_token()
    {
        using var http = host.CreateClient(new() { AllowAutoRedirect = false });
        var presented = new Dictionary<string, string?>
        {
            ["no credentials"] = null,
            ["an expired admin token"] = host.Security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1)),
            ["an admin token signed with another key"] = host.Security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), key: new byte[32]),
        };
        foreach (var endpoint in Endpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            foreach (var (kind, token) in presented)
            {
                var status = await StatusOfAsync(http, endpoint.Request(token));
                Assert.True(status == HttpStatusCode.Unauthorized, $"{endpoint.Name} answered {(int)status} to {kind}");
            }
        }
    }

    [Fact]
    public async Task A_viewer_is_refused_every_change_and_each_role_is_let_through_where_it_belongs()
    {
        using var http = host.CreateClient(new() { AllowAutoRedirect = false });
        var tokens = new Dictionary<TwinRole, string>();
        foreach (var role in Enum.GetValues<TwinRole>()) tokens[role] = await host.Security.SignInAsync(http, role);

        foreach (var endpoint in Endpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            var needed = endpoint.Needed;
            if (endpoint.Method != "GET" && !ViewerMayPost.Contains(endpoint.Name))
            {
                Assert.True(needed > TwinRole.Viewer, $"{endpoint.Name} changes something but is open to viewers");
            }
            foreach (var role in Enum.GetValues<TwinRole>())
            {
                var status = await StatusOfAsync(http, endpoint.Request(tokens[role]));
                if (role < needed)
                {
                    Assert.True(status == HttpStatusCode.Forbidden, $"{endpoint.Name} answered {(int)status} to a {role}; it needs {needed}");
                }
                else
                {
                    Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                        $"{endpoint.Name} refused a {role} ({(int)status}); it needs {needed}");
                }
            }
        }
    }

    [Fact]
    public async Task Expired_forged_foreign_and_altered_tokens_are_refused()
    {
        using var http = host.CreateClient(new() { AllowAutoRedirect = false });
        var security = host.Security;
        var genuine = await security.SignInAsync(http, TwinRole.Viewer);
        var parts = genuine.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"viewer\"", "\"admin\"", StringComparison.Ordinal);
        var refused = new Dictionary<string, string>
        {
            ["expired"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1)),
            ["signed with another key"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), key: new byte[32]),
            ["for another cluster"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), audience: "another-cluster"),
            ["altered to claim admin"] = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}",
            ["unsigned"] = $"{Base64UrlEncode("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray())}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.",
            ["garbage"] = "not-a-token",
        };
        foreach (var (kind, token) in refused)
        {
            foreach (var path in new[] { "/api/topology", "/dashboard/", "/" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"a token {kind} got {(int)response.StatusCode} from {path}");
            }
        }
        using var fine = new HttpRequestMessage(HttpMethod.Get, "/api/topology");
        fine.Headers.Authorization = new AuthenticationHeaderValue("Bearer", genuine);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(fine)).StatusCode);
    }

    [Fact]
    public async Task People_sign_in_with_a_form_and_a_failed_sign_in_is_audited()
    {
        using var http = host.CreateClient(new() { AllowAutoRedirect = false });
        using (var page = new HttpRequestMessage(HttpMethod.Get, "/dashboard/"))
        {
            page.Headers.Accept.ParseAdd("text/html");
            using var redirected = await http.SendAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.StartsWith("/login", redirected.Headers.Location!.PathAndQuery);
        }

        using var failed = await http.PostAsync("/login", Form("operator", "not-the-password"));
        Assert.Contains("failed=1", failed.Headers.Location!.ToString());
        var audit = host.Services.GetRequiredService<IAuditLog>();
        var refusals = await audit.ReadAsync(new AuditQuery(Action: AuditActions.SignInFailure, Actor: "operator"));
        Assert.Contains(refusals, r => r.Detail.Contains("web sign-in") && r.Detail.Contains("wrong password") && !r.Detail.Contains("not-the-password"));

        using var signedIn = await http.PostAsync("/login", Form("operator", host.Security.PasswordOf(TwinRole.Operator)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dt.session=", StringComparison.Ordinal)).Split(';')[0];
        foreach (var path in new[] { "/", "/dashboard/", "/api/topology" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} to a signed-in operator");
        }
        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/topology") { Content = new StringContent("twins: []") };
        change.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(change)).StatusCode);
    }

    // In-process, an endpoint that throws on a made-up parameter (the dashboard's silo address, say) throws here:
    // it ran, so the caller was let through. Streams (the dashboard's trace) are judged by their headers.
    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http, HttpRequestMessage request)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
            return response.StatusCode;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return HttpStatusCode.InternalServerError;
        }
        finally
        {
            request.Dispose();
        }
    }

    private static FormUrlEncodedContent Form(string user, string password) =>
        new([new("username", user), new("password", password), new("returnUrl", "/")]);

    private IEnumerable<MappedEndpoint> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new MappedEndpoint(e, m)));

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record MappedEndpoint(RouteEndpoint Endpoint, string Method)
    {
        public string Name => $"{Method} /{Endpoint.RoutePattern.RawText?.TrimStart('/')}";

        /// <summary>The role the endpoint's own metadata asks for, or the fallback rule: reads need a viewer, changes an admin.</summary>
        public TwinRole Needed =>
            Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => TwinRoles.TryParse(a.Policy, out var r) ? r : (TwinRole?)null).Max()
            ?? (Method is "GET" or "HEAD" ? TwinRole.Viewer : TwinRole.Admin);

        public HttpRequestMessage Request(string? token = null)
        {
            // Every route parameter gets a value that names nothing: the answer may be 404 or 400, never a change.
            var path = System.Text.RegularExpressions.Regex.Replace("/" + Endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]*\}", "no-such-thing");
            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            if (Method is not ("GET" or "HEAD" or "DELETE")) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }
    }
}
