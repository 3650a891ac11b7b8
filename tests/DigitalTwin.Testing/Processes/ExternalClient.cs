using System.Net;
using DigitalTwin.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace DigitalTwin.Testing.Processes;

/// <summary>An integrator's Orleans client connected to a silo process through its gateway.</summary>
public sealed class ExternalClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ExternalClient(IHost host) => _host = host;

    /// <summary>The connected client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Connects to the gateway on <paramref name="gatewayPort"/> (cluster and service id "digitaltwin"), presenting
    /// <paramref name="token"/> (an access token, see <see cref="SiloSecurity"/>) with every call when given.
    /// </summary>
    public static async Task<ExternalClient> ConnectAsync(int gatewayPort, string clusterId = "digitaltwin", string? token = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            if (token is not null) client.UseDigitalTwinAccessToken(() => token);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ExternalClient(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
