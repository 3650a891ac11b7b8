namespace DigitalTwin.Silo.Pages;

/// <summary>The twin's own pages: an operator's overview at <c>/</c>, served beside the Orleans dashboard.</summary>
public static class PageEndpoints
{
    /// <summary>Serves <c>wwwroot</c> with <c>/</c> answering the overview page.</summary>
    public static WebApplication MapDigitalTwinPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
