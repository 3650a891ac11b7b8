using Microsoft.Extensions.Configuration.Memory;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The <c>--demo</c> switch: one word for "show me the twin working" — the sample data centre is imported on
/// first start, simulated devices publish telemetry to the embedded broker, and anonymous publishing is allowed
/// (never outside the demo).
/// </summary>
public static class DemoMode
{
    /// <summary>Removes <c>--demo</c> from the arguments (the configuration parser wants key=value pairs).</summary>
    public static string[] Strip(string[] args, out bool demo)
    {
        demo = args.Contains("--demo", StringComparer.OrdinalIgnoreCase);
        return args.Where(a => !a.Equals("--demo", StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Applies the demo's settings underneath anything given explicitly on the command line or environment.</summary>
    public static WebApplicationBuilder AddDigitalTwinDemoSettings(this WebApplicationBuilder builder, bool demo)
    {
        if (!demo) return builder;
        // First in the list, so appsettings, environment variables and --key=value all still win over the demo's defaults.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["DigitalTwin:Demo:Enabled"] = "true",
                ["DigitalTwin:Mqtt:AllowAnonymous"] = "true",
            },
        });
        return builder;
    }
}
