using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Cooling;

/// <summary>Finding a data centre's cooling loop.</summary>
public static class CoolingGrainFactoryExtensions
{
    /// <summary>
    /// The cooling loop of <paramref name="dataCentreId"/>, or, when it is null, of the only data centre of the live
    /// twin. The problem says why there is none (an unknown id, no data centre, or several to choose from).
    /// </summary>
    public static async Task<(ICoolingGrain? Cooling, string? Problem)> FindCoolingAsync(this IGrainFactory grains, string? dataCentreId)
    {
        var (id, problem) = await grains.ResolveDataCentreAsync(dataCentreId);
        return (id is null ? null : grains.GetGrain<ICoolingGrain>(id), problem);
    }

    /// <summary>The cooling loop that holds a recommendation, from its id; null when the id is not a recommendation id.</summary>
    public static ICoolingGrain? CoolingOf(this IGrainFactory grains, string recommendationId) =>
        CoolingRecommendationIds.TryParse(recommendationId, out var dataCentreId) && TwinIds.IsValid(dataCentreId)
            ? grains.GetGrain<ICoolingGrain>(dataCentreId)
            : null;
}
