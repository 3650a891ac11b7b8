using System.Security.Claims;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Silo.Api;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// <c>/api/views/...</c>: what one operator view draws, read in one call from only the twins it shows (a room's racks
/// and CRACs, a rack's assets, one level of the tree, the UPSs and PDUs), so the pages stay cheap on a data centre of
/// thousands of twins. The pages then follow the change feeds for what moves.
/// </summary>
internal static class ViewEndpoints
{
    public static RouteGroupBuilder MapViewEndpoints(this RouteGroupBuilder api)
    {
        var views = api.MapGroup("/views");
        // Who the page is for: the header names the user and offers sign-out, or says the demo is open.
        views.MapGet("/me", (ClaimsPrincipal user) => new
        {
            name = user.Identity?.Name,
            role = TwinRoles.Including(TwinRole.Admin).Where(r => user.IsInRole(TwinRoles.Name(r))).Select(TwinRoles.Name).FirstOrDefault(),
            open = user.Identity?.AuthenticationType == Security.OpenAccessHandler.Name,
        });
        views.MapGet("/tree/{id}", (string id, TwinLocator locator, IGrainFactory grains) =>
            ReadAsync(id, locator, null, s => TreeReading.ReadAsync(grains, s)));
        views.MapGet("/floor/{id}", (string id, TwinLocator locator, IGrainFactory grains) =>
            ReadAsync(id, locator, TwinKind.Room, s => FloorReading.ReadAsync(grains, s)));
        views.MapGet("/rack/{id}", (string id, TwinLocator locator, IGrainFactory grains) =>
            ReadAsync(id, locator, TwinKind.Rack, s => RackReading.ReadAsync(grains, s)));
        views.MapGet("/feeds/{id}", (string id, TwinLocator locator, IGrainFactory grains) =>
            ReadAsync(id, locator, TwinKind.DataCentre, s => FeedReading.ReadAsync(grains, s)));
        return api;
    }

    private static async Task<IResult> ReadAsync<T>(string id, TwinLocator locator, TwinKind? kind, Func<TwinSnapshot, Task<T>> read)
    {
        var twin = await locator.FindAsync(id);
        if (twin is null) return ApiProblems.UnknownTwin(id);
        TwinSnapshot snapshot;
        try
        {
            snapshot = await twin.GetSnapshotAsync();
        }
        catch (Abstractions.Grains.TwinNotFoundException)
        {
            return ApiProblems.UnknownTwin(id);
        }
        if (kind is { } wanted && snapshot.Spec.Kind != wanted)
        {
            return ApiProblems.BadRequest("wrong_kind", $"'{id}' is a {snapshot.Spec.Kind.ToWireName()}, not a {wanted.ToWireName()}.");
        }
        return Results.Ok(await read(snapshot));
    }
}
