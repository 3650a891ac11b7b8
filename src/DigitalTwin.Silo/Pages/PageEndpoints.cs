namespace DigitalTwin.Silo.Pages;

/// <summary>The operator views at <c>/</c> (wwwroot: one page, one JavaScript module per view), served beside the Orleans dashboard.</summary>
public static class PageEndpoints
{
    /// <summary>Serves <c>wwwroot</c> with <c>/</c> answering the operator views.</summary>
    public static WebApplication MapDigitalTwinPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
