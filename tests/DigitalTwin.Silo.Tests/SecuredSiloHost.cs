using DigitalTwin.Testing.Processes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// The silo host in this process (the real Program, found through a type of its assembly: Orleans, broker, API, dashboard, sign-in) with sign-in required,
/// the three users of <see cref="SiloSecurity"/>, in-memory storage and free loopback ports; requests go through its
/// whole middleware pipeline.
/// </summary>
public sealed class SecuredSiloHost : WebApplicationFactory<DigitalTwin.Silo.Api.TwinLocator>
{
    /// <summary>The users and key the host was given.</summary>
    public SiloSecurity Security { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var ports = SiloPorts.Allocate();
        var settings = Security.SettingsWith(new Dictionary<string, string>
        {
            ["DigitalTwin:Storage:Provider"] = "Memory",
            ["DigitalTwin:Cluster:SiloPort"] = ports.Silo.ToString(),
            ["DigitalTwin:Cluster:GatewayPort"] = ports.Gateway.ToString(),
            ["DigitalTwin:Mqtt:Broker:Port"] = ports.Mqtt.ToString(),
            ["DigitalTwin:Mqtt:Broker:BindAddress"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
