using System.Text.Json.Serialization;
using DigitalTwin.Persistence.Health;
using DigitalTwin.Silo.Views;

namespace DigitalTwin.Silo.Api;

/// <summary>The twin's HTTP API, beside the Orleans dashboard.</summary>
public static class ApiEndpoints
{
    /// <summary>Registers what the API needs: JSON with enum names, the twin locator.</summary>
    public static IServiceCollection AddDigitalTwinApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<TwinLocator>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Maps <c>/api/...</c> and <c>/healthz</c>.</summary>
    public static WebApplication MapDigitalTwinApi(this WebApplication app)
    {
        // Still 200 while the store is down (the silo serves from memory); "degraded" and the storage state say so.
        app.MapGet("/healthz", (IServiceProvider services) => services.GetService<StorageHealth>()?.Report() is { } storage
            ? Results.Ok(new { status = storage.State == StorageHealth.AvailableState ? "ok" : "degraded", storage })
            : Results.Ok(new { status = "ok" })).AllowAnonymous();
        var api = app.MapGroup("/api");
        api.MapTwinEndpoints();
        api.MapTopologyEndpoints();
        api.MapFleetEndpoints();
        api.MapCommandEndpoints();
        api.MapScenarioEndpoints();
        api.MapCoolingEndpoints();
        api.MapCapacityEndpoints();
        api.MapChangeEventEndpoints();
        api.MapViewEndpoints();
        api.MapMemoryEndpoints();
        return app;
    }
}
