using System.Globalization;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace ClientSample;

/// <summary>Reads a rack: where it stands, its rollup, and which room and CRACs it belongs to.</summary>
internal static class RackReading
{
    public static async Task<TwinSnapshot?> ReadAsync(IClusterClient client, string rackId)
    {
        var entry = await client.GetLiveTopology().ResolveAsync(rackId);
        if (entry is null || entry.Kind != TwinKind.Rack) return null;
        var rack = client.GetTwin(rackId, TwinKind.Rack);
        var snapshot = await rack.GetSnapshotAsync();
        var path = await rack.GetPathAsync();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"rack {rackId} at {string.Join(" / ", path.Select(p => p.Id))}: health {snapshot.Health}");
        if (snapshot.Rollup is { } r)
        {
            Console.WriteLine($"  IT power {r.ItPowerW.ToString("0", inv)} W, inlet max {r.MaxInletC?.ToString("0.0", inv) ?? "-"} °C, " +
                $"{snapshot.Children.Count} children, {r.OpenAlerts} open alerts (as of {r.AsOf:u})");
        }
        return snapshot;
    }
}
