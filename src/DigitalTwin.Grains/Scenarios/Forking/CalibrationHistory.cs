using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// Reads the telemetry history the thermal calibration fits to: the one-minute means of every server's inlet,
/// outlet and power (under its rack) and of every CRAC's supply, return, setpoint, fan, airflow, load and power,
/// over a window ending now, gathered per room on a one-minute grid. One-minute means are what the twins keep
/// durably, so a silo that restarted still calibrates from the hours before it.
/// </summary>
internal static class CalibrationHistory
{
    private static readonly string[] ServerMetrics = [MetricNames.InletTemperature, MetricNames.OutletTemperature, MetricNames.Power];
    private static readonly string[] CracMetrics =
        [MetricNames.SupplyTemperature, MetricNames.ReturnTemperature, MetricNames.Setpoint, MetricNames.FanPercent, MetricNames.Airflow, MetricNames.CoolingLoad, MetricNames.Power];

    /// <summary>Per room id, its history; rooms without readings in the window get an empty one.</summary>
    public static async Task<IReadOnlyDictionary<string, ThermalHistory>> ReadAsync(IGrainFactory grains, IReadOnlyDictionary<string, TopologyEntry> subtree,
        DateTimeOffset to, TimeSpan window, int parallelism)
    {
        var rooms = subtree.Values.Where(e => e.Kind == TwinKind.Room).Select(e => e.Id).ToList();
        var builders = rooms.ToDictionary(r => r, _ => new ThermalHistoryBuilder(TimeSpan.FromMinutes(1)), StringComparer.Ordinal);
        var asks = new List<(string Room, string? Rack, TopologyEntry Twin, string Metric)>();
        foreach (var entry in subtree.Values)
        {
            if (entry.Kind == TwinKind.Server && entry.ParentId is { } rack && subtree.TryGetValue(rack, out var r) && r.Kind == TwinKind.Rack && builders.ContainsKey(r.ParentId ?? ""))
            {
                asks.AddRange(ServerMetrics.Select(m => (r.ParentId!, (string?)rack, entry, m)));
            }
            // A switch draws the same cold air and its heat leaves with the rack's: the plant counts its power in the
            // rack's, so the calibration does too.
            else if (entry.Kind == TwinKind.NetworkSwitch && entry.ParentId is { } holder && subtree.TryGetValue(holder, out var h)
                && h.Kind == TwinKind.Rack && builders.ContainsKey(h.ParentId ?? ""))
            {
                asks.Add((h.ParentId!, holder, entry, MetricNames.Power));
            }
            else if (entry.Kind == TwinKind.Crac && builders.ContainsKey(entry.ParentId ?? ""))
            {
                asks.AddRange(CracMetrics.Select(m => (entry.ParentId!, (string?)null, entry, m)));
            }
        }
        if (window <= TimeSpan.Zero) return builders.ToDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal);
        var from = to - window;
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var answers = await Task.WhenAll(asks.Select(async ask =>
        {
            await gate.WaitAsync();
            try
            {
                return await grains.GetTwin(ask.Twin.Id, ask.Twin.Kind).GetHistoryAsync(ask.Metric, from, to);
            }
            finally
            {
                gate.Release();
            }
        }));
        for (var i = 0; i < asks.Count; i++)
        {
            var (room, rack, twin, metric) = asks[i];
            var builder = builders[room];
            foreach (var bucket in answers[i])
            {
                if (rack is not null && twin.Kind == TwinKind.NetworkSwitch) builder.AddEquipmentPower(rack, twin.Id, bucket.Start, bucket.Mean);
                else if (rack is not null) builder.AddServerReading(rack, twin.Id, metric, bucket.Start, bucket.Mean);
                else builder.AddCracReading(twin.Id, metric, bucket.Start, bucket.Mean);
            }
        }
        return builders.ToDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal);
    }
}
