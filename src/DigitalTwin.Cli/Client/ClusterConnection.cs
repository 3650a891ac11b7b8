using System.CommandLine;
using DigitalTwin.Abstractions.Changes;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Persistence.Hosting;
using Microsoft.Extensions.Configuration;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// How <c>dt</c> reaches a cluster, as an ordinary Orleans client: a silo gateway given directly (the embedded,
/// single-silo deployment), or the PostgreSQL membership table (every live gateway of a multi-silo cluster).
/// </summary>
internal sealed class ClusterConnection
{
    public static readonly Option<string> Gateway = new("--gateway")
    {
        Description = "A silo gateway, host:port (default 127.0.0.1:30000).",
        DefaultValueFactory = _ => "127.0.0.1:30000",
        Recursive = true,
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Find gateways in this PostgreSQL database (Npgsql connection string) instead of --gateway.",
        Recursive = true,
    };

    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "The cluster id (default digitaltwin).",
        DefaultValueFactory = _ => "digitaltwin",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "An access token (from `dt login` or POST /api/auth/token); default: $DT_TOKEN, then the file `dt login` wrote.",
        Recursive = true,
    };

    /// <summary>Connects a client for the duration of <paramref name="work"/>; a refused call ends it with exit code 5.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<IClusterClient, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var postgres = parse.GetValue(Postgres);
        var gateway = parse.GetValue(Gateway)!;
        // The same settings, and the same code, as the silo's own: Storage decides where gateways are listed.
        var settings = new Dictionary<string, string?>
        {
            ["DigitalTwin:Cluster:ClusterId"] = parse.GetValue(ClusterId),
            ["DigitalTwin:Cluster:ServiceId"] = parse.GetValue(ClusterId),
        };
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            settings["DigitalTwin:Storage:Provider"] = "Postgres";
            settings["DigitalTwin:Storage:ConnectionString"] = postgres;
        }
        else
        {
            var endpoint = ParseEndpoint(gateway);
            settings["DigitalTwin:Cluster:AdvertisedIPAddress"] = endpoint.Address.ToString();
            settings["DigitalTwin:Cluster:GatewayPort"] = endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var token = parse.GetValue(Token) ?? TokenFile.Find();
        builder.UseOrleansClient(client => client.UseDigitalTwinClustering(configuration).AddMemoryStreams(TwinChangeStreams.ProviderName)
            .UseDigitalTwinAccessToken(() => token));
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"dt: cannot reach the cluster ({(postgres is null ? gateway : "PostgreSQL membership")}): {ex.Message}");
            return 3;
        }
        try
        {
            // The host's console lifetime takes SIGTERM (and Ctrl-C) to stop the client; the command must end with it,
            // or a `dt watch` stopped by `timeout` or a service manager waits for ever on a feed that no longer runs.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken,
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return await work(host.Services.GetRequiredService<IClusterClient>(), stopping.Token);
        }
        catch (TwinAccessDeniedException denied)
        {
            await Console.Error.WriteLineAsync($"dt: refused: {denied.Reason}");
            return 5;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// A started client of a silo started by this <c>dt</c> (an open silo: no token), with calls allowed
    /// <paramref name="responseTimeout"/> (a benchmark's large imports outlast the default 30 s). Dispose to stop it.
    /// </summary>
    public static async Task<IHost> ConnectAsync(IPEndPoint gateway, string clusterId, TimeSpan responseTimeout, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:Cluster:ClusterId"] = clusterId,
            ["DigitalTwin:Cluster:AdvertisedIPAddress"] = gateway.Address.ToString(),
            ["DigitalTwin:Cluster:GatewayPort"] = gateway.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        builder.UseOrleansClient(client => client.UseDigitalTwinClustering(configuration)
            .Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    private static IPEndPoint ParseEndpoint(string text)
    {
        var cut = text.LastIndexOf(':');
        if (cut <= 0 || !int.TryParse(text[(cut + 1)..], out var port)) throw new ArgumentException($"--gateway '{text}' is not host:port.");
        var host = text[..cut];
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    }
}
