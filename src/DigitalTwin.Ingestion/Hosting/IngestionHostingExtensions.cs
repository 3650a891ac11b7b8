using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Ingestion.Broker;
using DigitalTwin.Ingestion.Commands;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.DeadLetters;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.External;
using DigitalTwin.Ingestion.Pipeline;
using DigitalTwin.Ingestion.Security;
using DigitalTwin.Ingestion.Twins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DigitalTwin.Ingestion.Hosting;

/// <summary>Adds telemetry ingestion (MQTT) to a silo host.</summary>
public static class IngestionHostingExtensions
{
    /// <summary>Registers the embedded broker, external-broker client and ingestion pipeline from <c>DigitalTwin:Mqtt</c>.</summary>
    public static IServiceCollection AddDigitalTwinIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MqttIngestionOptions>(configuration.GetSection(MqttIngestionOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTwinClock();
        services.AddMetrics();
        // Readings' timestamps are judged, and latencies measured, on the twins' clock (simulated in evaluations).
        services.AddSingleton(sp => new IngestionStatistics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), TwinClock.From(sp)));
        services.AddSingleton<MqttOutlets>();
        services.AddSingleton<DeadLetterQueue>();
        services.AddSingleton<DeviceAuthenticator>();
        services.AddSingleton<TwinDirectory>();
        services.AddSingleton<TelemetryPipeline>();
        services.AddSingleton<IDeviceCommandPublisher, MqttDeviceCommandPublisher>();
        services.AddSingleton<EmbeddedBroker>();
        services.AddSingleton<ExternalBrokerClient>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerClient>());
        if (configuration.GetSection(MqttIngestionOptions.Section).GetValue<bool>("External:Enabled"))
        {
            // Only a silo with the external broker watches for dead silos whose sessions need adopting.
            services.AddHostedService<SessionAdopter>();
        }
        services.AddHostedService<DeadLetterPublisher>();
        services.AddHostedService<IdleMemoryTrim>();
        return services;
    }

    /// <summary>Maps the ingestion HTTP endpoints (statistics) under <c>/api/ingestion</c>.</summary>
    public static IEndpointRouteBuilder MapDigitalTwinIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/ingestion/stats", (IngestionStatistics statistics) => Results.Json(statistics.Snapshot()))
            .WithName("GetIngestionStatistics")
            .WithTags("Ingestion");
        return endpoints;
    }
}
