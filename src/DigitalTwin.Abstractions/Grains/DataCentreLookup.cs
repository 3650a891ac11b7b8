using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>Finding the data centre a request is about.</summary>
public static class DataCentreLookup
{
    /// <summary>
    /// <paramref name="dataCentreId"/> when it is a data centre of the live twin, or, when it is null, the only data
    /// centre there is. The problem says why there is none (an unknown id, no data centre, or several to choose from).
    /// </summary>
    public static async Task<(string? DataCentreId, string? Problem)> ResolveDataCentreAsync(this IGrainFactory grains, string? dataCentreId)
    {
        var view = await grains.GetLiveTopology().GetViewAsync();
        var centres = view.Entries.Where(e => e.Kind == TwinKind.DataCentre).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        if (!string.IsNullOrWhiteSpace(dataCentreId))
        {
            return centres.Contains(dataCentreId, StringComparer.Ordinal)
                ? (dataCentreId, null)
                : (null, $"'{dataCentreId}' is not a data centre of the live twin (known: {string.Join(", ", centres)}).");
        }
        return centres.Length switch
        {
            1 => (centres[0], null),
            0 => (null, "The live twin has no data centre."),
            _ => (null, $"Name the data centre: {string.Join(", ", centres)}."),
        };
    }
}
