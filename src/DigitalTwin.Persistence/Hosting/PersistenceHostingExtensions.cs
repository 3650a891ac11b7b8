using System.Net;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Persistence.Audit;
using DigitalTwin.Persistence.Health;
using DigitalTwin.Persistence.Migrations;
using DigitalTwin.Persistence.Serialization;
using DigitalTwin.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>Wires durable state into a silo: grain storage, clustering and reminders.</summary>
public static class PersistenceHostingExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql (the providers default to SQL Server's).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Configures grain storage named <paramref name="storageName"/>, clustering and reminders from the
    /// <c>DigitalTwin:Storage</c> and <c>DigitalTwin:Cluster</c> sections:
    /// <list type="bullet">
    /// <item><c>Sqlite</c> (default): a local SQLite file, a single localhost silo, in-memory reminders.</item>
    /// <item><c>Postgres</c>: the schema is migrated at start (unless <c>MigrateOnStart</c> is false), then
    /// ADO.NET clustering, grain storage and reminders on that database; any number of silos.</item>
    /// <item><c>Memory</c>: like Sqlite but nothing survives a restart.</item>
    /// </list>
    /// Grain state is written as plain JSON without CLR type names, so state classes can be renamed. The audit trail
    /// (<see cref="IAuditLog"/>) is kept in the same store (in memory with <c>Memory</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static ISiloBuilder AddDigitalTwinPersistence(this ISiloBuilder silo, IConfiguration configuration, string storageName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);
        var storage = StorageSettings.From(configuration);
        var cluster = ClusterSettings.From(configuration);
        silo.Services.AddSingleton<TwinStateJsonSerializer>();

        if (storage.Provider == StorageProvider.Postgres)
        {
            // Failure detection (probe timeout, missed probes, votes): Orleans' defaults unless set; `dt chaos` tightens them.
            silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(ClusterSettings.Section + ":Membership"));
            return silo.AddPostgres(storage, cluster, storageName);
        }

        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primarySiloEndpoint: null, cluster.ServiceId, cluster.ClusterId);
        silo.UseInMemoryReminderService();
        if (storage.Provider == StorageProvider.Memory)
        {
            // The same plain JSON as the stores that last: an import writes twins' first states straight to storage, and
            // Orleans' default (Newtonsoft with CLR type names) could not read them back.
            silo.AddMemoryGrainStorage(storageName, options => options.GrainStorageSerializer = new TwinStateJsonSerializer());
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new VolatileStorageNotice(storageName, services.GetRequiredService<ILogger<VolatileStorageNotice>>()));
            return silo;
        }

        silo.Services.AddSingleton<IAuditLog>(services => SqlAuditLog.ForSqlite(ResolveAgainstContentRoot(services, storage.SqlitePath)));
        silo.Services.AddGrainStorage(storageName, (services, name) => new SqliteGrainStorage(
            name,
            ResolveAgainstContentRoot(services, storage.SqlitePath),
            services.GetRequiredService<TwinStateJsonSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        silo.Services.MonitorGrainStorage(storageName);
        return silo;
    }

    private static ISiloBuilder AddPostgres(this ISiloBuilder silo, StorageSettings storage, ClusterSettings cluster, string storageName)
    {
        var connectionString = storage.ConnectionString!;
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        // A silo advertised on a routable address must also accept connections arriving on it.
        silo.ConfigureEndpoints(cluster.AdvertisedIPAddress, cluster.SiloPort, cluster.GatewayPort,
            listenOnAnyHostAddress: !IPAddress.IsLoopback(cluster.AdvertisedIPAddress));

        if (storage.MigrateOnStart)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new SchemaMigrationOnStart(connectionString, services.GetRequiredService<ILogger<SchemaMigrator>>()));
        }

        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<IAuditLog>(_ => SqlAuditLog.ForPostgres(connectionString));
        silo.AddAdoNetGrainStorage(storageName, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<TwinStateJsonSerializer>((o, serializer) =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = serializer;
        }));
        silo.Services.AddSingleton<IStoreConnectionReset>(new NpgsqlPoolReset(connectionString));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.MonitorGrainStorage(storageName);
        return silo;
    }

    /// <summary>Puts the storage registered as <paramref name="storageName"/> behind <see cref="MonitoredGrainStorage"/>.</summary>
    private static void MonitorGrainStorage(this IServiceCollection services, string storageName)
    {
        services.TryAddSingleton<StorageHealth>();
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, storageName));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"The grain storage '{storageName}' is not registered by a factory, so it cannot be monitored.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(storageName, (provider, key) =>
            new MonitoredGrainStorage((IGrainStorage)create(provider, key), provider.GetRequiredService<StorageHealth>()));
    }

    private static string ResolveAgainstContentRoot(IServiceProvider services, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var root = services.GetService<IHostEnvironment>()?.ContentRootPath;
        return Path.GetFullPath(path, string.IsNullOrEmpty(root) ? Directory.GetCurrentDirectory() : root);
    }
}
