namespace DigitalTwin.Silo.Api;

/// <summary>The twin's HTTP API beside the dashboard.</summary>
public static class TwinApiEndpoints
{
    /// <summary>Maps <c>/api/...</c>.</summary>
    public static WebApplication MapDigitalTwinApi(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
