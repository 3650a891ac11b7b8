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
        var view = await grains.GetLiveTopology().GetViewAsync();
        var centres = view.Entries.Where(e => e.Kind == TwinKind.DataCentre).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        if (!string.IsNullOrWhiteSpace(dataCentreId))
        {
            return centres.Contains(dataCentreId, StringComparer.Ordinal)
                ? (grains.GetGrain<ICoolingGrain>(dataCentreId), null)
                : (null, $"'{dataCentreId}' is not a data centre of the live twin (known: {string.Join(", ", centres)}).");
        }
        return centres.Length switch
        {
            1 => (grains.GetGrain<ICoolingGrain>(centres[0]), null),
            0 => (null, "The live twin has no data centre."),
            _ => (null, $"Name the data centre: {string.Join(", ", centres)}."),
        };
    }

    /// <summary>The cooling loop that holds a recommendation, from its id; null when the id is not a recommendation id.</summary>
    public static ICoolingGrain? CoolingOf(this IGrainFactory grains, string recommendationId) =>
        CoolingRecommendationIds.TryParse(recommendationId, out var dataCentreId) && TwinIds.IsValid(dataCentreId)
            ? grains.GetGrain<ICoolingGrain>(dataCentreId)
            : null;
}
