using System.Diagnostics.Metrics;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Silo.Metrics;

/// <summary>
/// The twins' rollups as gauges of the <c>DigitalTwin.Twins</c> meter: inlet maximum, IT power and cooling load of
/// every rack, room and data centre (label <c>twin</c>, bounded by <see cref="MetricsOptions.MaxTwins"/>, and
/// <c>kind</c>). Rollups are read from the containers' memory on <see cref="MetricsOptions.RollupInterval"/>, never per
/// scrape and never from servers or components, so a scrape costs no grain call and the series stay few.
/// </summary>
public sealed class TwinRollupMetrics : BackgroundService
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "DigitalTwin.Twins";

    private static readonly TwinKind[] Containers = [TwinKind.DataCentre, TwinKind.Room, TwinKind.Rack];
    private readonly IGrainFactory _grains;
    private readonly MetricsOptions _options;
    private readonly ILogger<TwinRollupMetrics> _logger;
    private readonly Meter _meter;
    private volatile IReadOnlyList<TwinRollup> _rollups = [];
    private volatile int _omitted;

    /// <summary>Creates the gauges; they read whatever the last pass found.</summary>
    public TwinRollupMetrics(IGrainFactory grains, IOptions<MetricsOptions> options, IMeterFactory meters, ILogger<TwinRollupMetrics> logger)
    {
        _grains = grains;
        _options = options.Value;
        _logger = logger;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("dt.twin.inlet.max", () => Measure(r => r.MaxInletC), "Cel", "Hottest inlet in the twin's subtree.");
        _meter.CreateObservableGauge("dt.twin.it.power", () => Measure(r => r.ItPowerW), "W", "IT power drawn in the twin's subtree.");
        // A rack holds no CRAC: its cooling load would read 0, so only rooms and data centres report one.
        _meter.CreateObservableGauge("dt.twin.cooling.load", () => Measure(r => r.Kind == TwinKind.Rack ? null : r.CoolingLoadW), "W",
            "Cooling load carried by the CRACs of the twin's subtree (rooms and data centres).");
        _meter.CreateObservableGauge("dt.twin.rollups.omitted", () => _omitted, "{twin}", $"Containers left without series by {MetricsOptions.SectionName}:MaxTwins.");
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RollupInterval);
        do
        {
            try
            {
                await ReadAsync();
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or a twin moving; the gauges keep the last pass until the next one.
                _logger.LogDebug(error, "Could not read the twins' rollups for /metrics");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ReadAsync()
    {
        var view = await _grains.GetLiveTopology().GetViewAsync();
        var containers = view.Entries
            .Where(e => Containers.Contains(e.Kind))
            .OrderBy(e => Array.IndexOf(Containers, e.Kind)).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var chosen = containers.Take(Math.Max(0, _options.MaxTwins)).ToList();
        _rollups = await Task.WhenAll(chosen.Select(e => _grains.GetTwin(e.Id, e.Kind).GetRollupAsync()));
        _omitted = containers.Count - chosen.Count;
    }

    private IEnumerable<Measurement<double>> Measure(Func<TwinRollup, double?> value)
    {
        foreach (var rollup in _rollups)
        {
            if (value(rollup) is not { } v) continue;
            yield return new Measurement<double>(v,
                new KeyValuePair<string, object?>("twin", rollup.TwinId),
                new KeyValuePair<string, object?>("kind", rollup.Kind.ToWireName()));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
