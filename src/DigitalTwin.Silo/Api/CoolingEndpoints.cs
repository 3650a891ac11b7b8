using System.Security.Claims;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// The cooling loop: <c>/api/cooling/...</c>, including its automatic mode (<c>GET</c>/<c>PUT /api/cooling/automatic</c>). A refusal answers 409 with its code as the title and the reason as the
/// detail; an unknown recommendation 404.
/// </summary>
internal static class CoolingEndpoints
{
    public static RouteGroupBuilder MapCoolingEndpoints(this RouteGroupBuilder api)
    {
        var cooling = api.MapGroup("/cooling");
        // The pending recommendation if one is still valid, else a fresh one: refreshing a page does not supersede
        // what a colleague is about to approve.
        cooling.MapGet("/recommendation", (string? datacentre, string? by, ClaimsPrincipal user, IGrainFactory grains) =>
            WithCooling(grains, datacentre, async c => await c.GetPendingAsync() is { } pending
                ? Results.Ok(pending)
                : Answer(await c.RecommendAsync(Actor(user, by)))));
        cooling.MapPost("/recommendations", (string? datacentre, string? by, ClaimsPrincipal user, IGrainFactory grains) =>
            WithCooling(grains, datacentre, async c => Answer(await c.RecommendAsync(Actor(user, by))))).RequireAuthorization(TwinRoles.Operator);
        cooling.MapGet("/recommendations", (string? datacentre, int? top, IGrainFactory grains) =>
            WithCooling(grains, datacentre, async c => Results.Ok(await c.GetRecommendationsAsync(top ?? 20))));
        cooling.MapGet("/recommendations/{id}", async (string id, IGrainFactory grains) =>
            grains.CoolingOf(id) is { } c && await c.GetRecommendationAsync(id) is { } r ? Results.Ok(r) : Unknown(id));
        cooling.MapPost("/recommendations/{id}/approve", async (string id, string? by, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.CoolingOf(id) is { } c ? Answer(await c.ApproveAsync(id, Actor(user, by))) : Unknown(id)).RequireAuthorization(TwinRoles.Operator);
        cooling.MapPost("/recommendations/{id}/reject", async (string id, string? by, string? reason, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.CoolingOf(id) is { } c ? Answer(await c.RejectAsync(id, Actor(user, by), reason)) : Unknown(id)).RequireAuthorization(TwinRoles.Operator);
        // The automatic mode is a setting an admin changes at runtime: the grain keeps it and audits the change.
        cooling.MapGet("/automatic", (string? datacentre, IGrainFactory grains) =>
            WithCooling(grains, datacentre, async c => Results.Ok(new { enabled = await c.GetAutomaticAsync() })));
        cooling.MapPut("/automatic", (string? datacentre, bool enabled, string? by, ClaimsPrincipal user, IGrainFactory grains) =>
            WithCooling(grains, datacentre, async c =>
            {
                var before = await c.SetAutomaticAsync(enabled, Actor(user, by));
                return Results.Ok(new { enabled, before });
            })).RequireAuthorization(TwinRoles.Admin);
        return api;
    }

    /// <summary>Who acts: the signed-in user when there is one, else the name given, else "anonymous".</summary>
    private static string Actor(ClaimsPrincipal user, string? by) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : string.IsNullOrWhiteSpace(by) ? "anonymous" : by.Trim();

    private static async Task<IResult> WithCooling(IGrainFactory grains, string? dataCentre, Func<Abstractions.Grains.ICoolingGrain, Task<IResult>> work)
    {
        var (cooling, problem) = await grains.FindCoolingAsync(dataCentre);
        return cooling is null ? ApiProblems.BadRequest("no_datacentre", problem!) : await work(cooling);
    }

    private static IResult Answer(CoolingDecision decision) =>
        decision.Accepted
            ? Results.Ok(decision.Recommendation)
            : decision.Code == CoolingRefusals.Unknown
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: decision.Code, detail: decision.Reason)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: decision.Code, detail: decision.Reason,
                    extensions: new Dictionary<string, object?> { ["recommendation"] = decision.Recommendation });

    private static IResult Unknown(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: CoolingRefusals.Unknown, detail: $"No recommendation has the id '{id}'.");
}
