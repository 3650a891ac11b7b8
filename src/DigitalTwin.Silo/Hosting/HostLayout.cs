using Microsoft.Extensions.Configuration.Json;

namespace DigitalTwin.Silo.Hosting;

/// <summary>
/// Where the host finds its own files. The content root stays the working directory (so the embedded store's
/// relative path <c>data/digitaltwin.db</c> lands where the operator started the silo), while the shipped
/// appsettings.json and the overview page are read from beside the assembly, wherever the silo is started from.
/// </summary>
public static class HostLayout
{
    /// <summary>Options that serve the pages from the build output.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    };

    /// <summary>Reads the shipped appsettings.json underneath every other source, when the working directory has none.</summary>
    public static WebApplicationBuilder AddShippedSettings(this WebApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var local = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        if (File.Exists(shipped) && !string.Equals(Path.GetFullPath(shipped), Path.GetFullPath(local), StringComparison.Ordinal))
        {
            var source = new JsonConfigurationSource { Path = shipped, Optional = true };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }
        return builder;
    }
}
