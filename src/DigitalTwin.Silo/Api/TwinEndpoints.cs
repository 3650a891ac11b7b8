using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Api;

/// <summary>Reading one twin and exploring around it: <c>/api/twins/{id}/...</c>.</summary>
internal static class TwinEndpoints
{
    public static RouteGroupBuilder MapTwinEndpoints(this RouteGroupBuilder api)
    {
        var twins = api.MapGroup("/twins/{id}");
        twins.MapGet("", (string id, TwinLocator locator) => With(id, locator, t => t.GetSnapshotAsync()));
        twins.MapGet("/children", (string id, TwinLocator locator) => With(id, locator, t => t.GetChildrenAsync()));
        twins.MapGet("/path", (string id, TwinLocator locator) => With(id, locator, t => t.GetPathAsync()));
        twins.MapGet("/rollup", (string id, TwinLocator locator) => With(id, locator, t => t.GetRollupAsync()));
        twins.MapGet("/alerts", (string id, bool? resolved, TwinLocator locator) =>
            With(id, locator, t => t.GetAlertsAsync(resolved ?? false)));
        twins.MapGet("/recent/{metric}", (string id, string metric, TwinLocator locator) =>
            With(id, locator, t => t.GetRecentAsync(metric)));
        twins.MapGet("/history/{metric}", (string id, string metric, DateTimeOffset? from, DateTimeOffset? to, TwinLocator locator) =>
        {
            var end = to ?? DateTimeOffset.UtcNow;
            var start = from ?? end.AddHours(-1);
            return end <= start
                ? Task.FromResult(ApiProblems.BadRequest("bad_range", "'from' must be before 'to'."))
                : With(id, locator, t => t.GetHistoryAsync(metric, start, end));
        });
        twins.MapGet("/descendants", (string id, string? kind, string? tag, string? minHealth, string? metric, string? op,
            double? value, int? pageSize, string? after, TwinLocator locator) =>
        {
            var query = TwinQueryParameters.Parse(kind, tag, minHealth, metric, op, value, pageSize, after, out var error);
            return query is null
                ? Task.FromResult(ApiProblems.BadRequest("bad_query", error!))
                : With(id, locator, t => t.FindDescendantsAsync(query));
        });
        twins.MapPost("/alerts/{alertId}/acknowledge", (string id, string alertId, string? by, HttpContext http, TwinLocator locator) =>
            With(id, locator, t => t.AcknowledgeAlertAsync(alertId, SignedInName(http) ?? by ?? "operator")))
            .RequireAuthorization(TwinRoles.Operator);
        return api;
    }

    // A signed-in operator acknowledges under their own name; only an open silo takes the name from ?by=.
    private static string? SignedInName(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: not "Open" } identity ? identity.Name : null;

    private static async Task<IResult> With<T>(string id, TwinLocator locator, Func<ITwinGrain, Task<T>> read)
    {
        var twin = await locator.FindAsync(id);
        if (twin is null) return ApiProblems.UnknownTwin(id);
        try
        {
            return Results.Ok(await read(twin));
        }
        catch (TwinNotFoundException)
        {
            return ApiProblems.UnknownTwin(id);
        }
    }
}
