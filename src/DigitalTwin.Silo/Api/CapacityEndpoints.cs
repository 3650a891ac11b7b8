using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;

namespace DigitalTwin.Silo.Api;

/// <summary>Capacity: <c>GET /api/capacity?serverPowerW=500&amp;serverSizeU=1&amp;datacentre=</c>.</summary>
internal static class CapacityEndpoints
{
    public static RouteGroupBuilder MapCapacityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/capacity", async (double? serverPowerW, double? serverSizeU, string? datacentre, IGrainFactory grains) =>
        {
            if (serverPowerW is not > 0 || !double.IsFinite(serverPowerW.Value)) return ApiProblems.BadRequest("bad_server_power", "serverPowerW must be a number of watts above 0.");
            if (serverSizeU is { } u && (!(u > 0) || !double.IsFinite(u))) return ApiProblems.BadRequest("bad_server_size", "serverSizeU must be a number of rack units above 0.");
            var (dataCentre, problem) = await grains.ResolveDataCentreAsync(datacentre);
            return dataCentre is null
                ? ApiProblems.BadRequest("no_datacentre", problem!)
                : Results.Ok(await grains.GetGrain<ICapacityGrain>(dataCentre).GetCapacityAsync(serverPowerW.Value, serverSizeU ?? 1));
        });
        return api;
    }
}
