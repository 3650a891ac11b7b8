using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Persistence.Health;
using OpenTelemetry.Metrics;

namespace DigitalTwin.Silo.Metrics;

/// <summary>
/// <c>/metrics</c> for Prometheus, through OpenTelemetry: Orleans' own meter (grain counts by type, activations,
/// storage read/write latency, request latency), ingestion's counters and the twins' rollup gauges.
/// </summary>
public static class MetricsHostingExtensions
{
    /// <summary>The Orleans runtime's meter.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Registers the meters and the Prometheus exporter unless <c>DigitalTwin:Metrics:Enabled</c> is false.</summary>
    public static WebApplicationBuilder AddDigitalTwinMetrics(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MetricsOptions.SectionName);
        builder.Services.Configure<MetricsOptions>(section);
        if (!section.GetValue(nameof(MetricsOptions.Enabled), true)) return builder;
        builder.Services.AddHostedService<TwinRollupMetrics>();
        var options = section.Get<MetricsOptions>() ?? new MetricsOptions();
        // The rollup gauges are bounded by MaxTwins (one series per container and kind); every other instrument by
        // MaxSeriesPerInstrument, so memory does not go to room for series that never come.
        var rollupSeries = Math.Max(1, options.MaxTwins) + 1;
        var otherSeries = Math.Max(1, options.MaxSeriesPerInstrument);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OrleansMeterName, IngestionStatistics.MeterName, TwinRollupMetrics.MeterName, StorageHealth.MeterName)
            .AddView(instrument => new MetricStreamConfiguration
            {
                CardinalityLimit = instrument.Meter.Name == TwinRollupMetrics.MeterName ? rollupSeries : otherSeries,
            })
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> (Prometheus text format) when metrics are enabled.</summary>
    public static WebApplication MapDigitalTwinMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Enabled)}", true)) app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
