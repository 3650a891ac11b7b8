using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// What-if scenarios: <c>POST /api/scenarios[?id=]</c> with a <see cref="ScenarioRequest"/> runs one and answers
/// 201 with the answer (Location <c>/api/scenarios/{id}</c>); a refused request answers 4xx with one problem per
/// reason and forks nothing. <c>GET /api/scenarios/{id}</c> returns the answer until the scenario expires;
/// <c>DELETE</c> ends it early.
/// </summary>
internal static class ScenarioEndpoints
{
    public static RouteGroupBuilder MapScenarioEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/scenarios", async (ScenarioRequest? request, string? id, IGrainFactory grains) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.RootId)) return ApiProblems.BadRequest("invalid", "A scenario needs a body with at least rootId.");
            var scenarioId = id ?? "scn-" + Guid.NewGuid().ToString("N")[..12];
            if (!TwinIds.IsValid(scenarioId)) return ApiProblems.BadRequest("invalid", $"'{scenarioId}' is not a valid scenario id.");
            var outcome = await grains.GetGrain<IScenarioGrain>(scenarioId).RunAsync(request);
            if (outcome.Answer is { } answer) return Results.Created($"/api/scenarios/{scenarioId}", answer);
            var status = outcome.Problems.Any(p => p.Code == ScenarioProblemCodes.TooManyScenarios) ? StatusCodes.Status429TooManyRequests
                : outcome.Problems.Any(p => p.Code == ScenarioProblemCodes.AlreadyRun) ? StatusCodes.Status409Conflict
                : outcome.Problems.Any(p => p.Code == ScenarioProblemCodes.TimedOut) ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status422UnprocessableEntity;
            return Results.Json(new { title = "scenario_refused", status, scenarioId, problems = outcome.Problems }, statusCode: status);
        }).RequireAuthorization(TwinRoles.Operator);
        api.MapGet("/scenarios/{id}", async (string id, IGrainFactory grains) =>
            TwinIds.IsValid(id) && await grains.GetGrain<IScenarioGrain>(id).GetAnswerAsync() is { } answer
                ? Results.Ok(answer)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "unknown_scenario", detail: $"No scenario '{id}' is held (never run, ended or expired)."));
        api.MapDelete("/scenarios/{id}", async (string id, IGrainFactory grains) =>
        {
            if (!TwinIds.IsValid(id)) return ApiProblems.BadRequest("invalid", $"'{id}' is not a valid scenario id.");
            await grains.GetGrain<IScenarioGrain>(id).EndAsync();
            return Results.NoContent();
        }).RequireAuthorization(TwinRoles.Operator);
        return api;
    }
}
