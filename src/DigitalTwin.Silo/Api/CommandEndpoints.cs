using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Api;

/// <summary>Commands back to devices: <c>POST /api/twins/{id}/commands</c> with <c>{"name": ..., "arguments": {...}}</c>.</summary>
internal static class CommandEndpoints
{
    public sealed record CommandRequest(string Name, Dictionary<string, double>? Arguments);

    public static RouteGroupBuilder MapCommandEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/twins/{id}/commands", async (string id, CommandRequest request, IGrainFactory grains) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name)) return ApiProblems.BadRequest("bad_command", "A command needs a name.");
            var asset = await AssetAsync(id, grains);
            return asset is null
                ? ApiProblems.BadRequest("not_an_asset", $"'{id}' is not an asset twin; only assets take commands.")
                : Results.Ok(await asset.SendCommandAsync(request.Name, request.Arguments ?? []));
        }).RequireAuthorization(TwinRoles.Operator);
        api.MapGet("/twins/{id}/commands", async (string id, IGrainFactory grains) =>
        {
            var asset = await AssetAsync(id, grains);
            return asset is null ? ApiProblems.UnknownTwin(id) : Results.Ok(await asset.GetCommandsAsync());
        });
        return api;
    }

    private static async Task<IAssetGrain?> AssetAsync(string id, IGrainFactory grains)
    {
        if (!TwinIds.IsValid(id)) return null;
        var entry = await grains.GetLiveTopology().ResolveAsync(id);
        return entry is not null && entry.Kind.LevelOf() == TwinLevel.Asset ? grains.GetGrain<IAssetGrain>(id) : null;
    }
}
