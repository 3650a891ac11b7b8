using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>How an Orleans client (the <c>dt</c> CLI, an integrator's service) finds the silos.</summary>
public static class ClientClusteringExtensions
{
    /// <summary>
    /// Reads the same <c>DigitalTwin:Storage</c> and <c>DigitalTwin:Cluster</c> sections as the silo: with
    /// Postgres the client takes its gateway list from the membership table (every active silo); otherwise it
    /// connects to the single silo's gateway at <c>AdvertisedIPAddress:GatewayPort</c> (127.0.0.1:30000 by default).
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static IClientBuilder UseDigitalTwinClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var storage = StorageSettings.From(configuration);
        var cluster = ClusterSettings.From(configuration);
        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });

        if (storage.Provider == StorageProvider.Postgres)
        {
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = PersistenceHostingExtensions.NpgsqlInvariant;
                options.ConnectionString = storage.ConnectionString!;
            });
        }
        else
        {
            client.UseStaticClustering(new IPEndPoint(cluster.AdvertisedIPAddress, cluster.GatewayPort));
        }

        return client;
    }
}
