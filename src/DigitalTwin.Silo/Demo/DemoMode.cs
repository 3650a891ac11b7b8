using Microsoft.Extensions.Configuration.Memory;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The <c>--demo</c> switch: one word for "show me the twin working" — the sample data centre is imported on
/// first start, the data-centre simulator publishes its telemetry to the embedded broker, anonymous publishing is allowed
/// and nobody signs in (never outside the demo, and only on loopback).
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
                // The simulator takes fault injections on sim/faults through the embedded broker.
                ["DigitalTwin:Mqtt:ForwardSimulationTopics"] = "true",
                // No sign-in, so nothing may listen beyond this machine (the silo refuses to start otherwise).
                ["DigitalTwin:Security:Mode"] = "Open",
                ["DigitalTwin:Mqtt:Broker:BindAddress"] = "127.0.0.1",
            },
        });
        return builder;
    }
}
