using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Topology;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// The shape of the graph: <c>POST /api/topology</c> imports a YAML or JSON topology (all or nothing),
/// <c>POST /api/topology/validate</c> only checks it, and live add, move and remove of single twins.
/// </summary>
internal static class TopologyEndpoints
{
    /// <summary>Topology files larger than this are refused before parsing.</summary>
    private const int MaxDocumentBytes = 32 * 1024 * 1024;

    public static RouteGroupBuilder MapTopologyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/topology", (IGrainFactory grains) => grains.GetLiveTopology().GetViewAsync());
        api.MapPost("/topology", (HttpRequest request, IGrainFactory grains) => ImportAsync(request, grains, apply: true))
            .RequireAuthorization(TwinRoles.Admin);
        // Validation changes nothing, so a viewer may check a file.
        api.MapPost("/topology/validate", (HttpRequest request, IGrainFactory grains) => ImportAsync(request, grains, apply: false))
            .RequireAuthorization(TwinRoles.Viewer);
        api.MapPost("/twins", async (TwinSpec spec, IGrainFactory grains) =>
            Answer(await grains.GetLiveTopology().AddAsync(spec))).RequireAuthorization(TwinRoles.Admin);
        api.MapPost("/twins/{id}/move", async (string id, string parent, IGrainFactory grains) =>
            Answer(await grains.GetLiveTopology().MoveAsync(id, parent))).RequireAuthorization(TwinRoles.Admin);
        api.MapDelete("/twins/{id}", async (string id, bool? recursive, IGrainFactory grains) =>
            Answer(await grains.GetLiveTopology().RemoveAsync(id, recursive ?? false))).RequireAuthorization(TwinRoles.Admin);
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, IGrainFactory grains, bool apply)
    {
        if (request.ContentLength > MaxDocumentBytes)
        {
            return ApiProblems.BadRequest("too_large", $"Topology documents are limited to {MaxDocumentBytes} bytes.");
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? TopologyFormat.Json
            : request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true ? TopologyFormat.Yaml
            : TopologyFormat.Auto;
        var parsed = TopologyFile.Parse(text, format);
        var topology = grains.GetLiveTopology();
        if (parsed.Errors.Count > 0 || !apply)
        {
            // Report every problem at once: what failed to read plus what the readable part gets wrong.
            var view = await topology.GetViewAsync();
            var errors = TopologyValidator.Validate(parsed, view.Entries.ToDictionary(e => e.Id));
            return Answer(errors.Count == 0
                ? new TopologyChangeResult(false, [], parsed.Document?.Twins.Count ?? 0, 0, 0, 0, view.Version)
                : TopologyChangeResult.Refused(errors, view.Version), validateOnly: !apply);
        }
        return Answer(await topology.ImportAsync(parsed.Document!));
    }

    private static IResult Answer(TopologyChangeResult result, bool validateOnly = false) =>
        result.Applied || (validateOnly && result.Errors.Count == 0)
            ? Results.Ok(result)
            : Results.UnprocessableEntity(result);
}
