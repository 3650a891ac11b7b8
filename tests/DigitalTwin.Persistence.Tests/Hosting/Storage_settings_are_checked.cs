using DigitalTwin.Persistence.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DigitalTwin.Persistence.Tests.Hosting;

public sealed class Storage_settings_are_checked
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();

    [Fact]
    public void Without_settings_the_store_is_the_local_sqlite_file()
    {
        var settings = StorageSettings.From(Config());

        Assert.Equal(StorageProvider.Sqlite, settings.Provider);
        Assert.Equal("data/digitaltwin.db", settings.SqlitePath);
        Assert.True(settings.MigrateOnStart);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_setting_and_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageSettings.From(Config(("DigitalTwin:Storage:Provider", "Oracle"))));

        Assert.Contains("DigitalTwin:Storage:Provider", error.Message);
        Assert.Contains("Postgres", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageSettings.From(Config(("DigitalTwin:Storage:Provider", "postgres"))));

        Assert.Contains("DigitalTwin:Storage:ConnectionString", error.Message);
    }

    [Fact]
    public void The_connection_pool_is_capped_unless_the_operator_chose_a_cap()
    {
        var capped = StorageSettings.From(Config(("DigitalTwin:Storage:Provider", "Postgres"), ("DigitalTwin:Storage:ConnectionString", "Host=db;Database=dt")));
        var chosen = StorageSettings.WithPoolCap("Host=db;Database=dt;Maximum Pool Size=50");

        Assert.Equal(20, new NpgsqlConnectionStringBuilder(capped.ConnectionString).MaxPoolSize);
        Assert.Equal(50, new NpgsqlConnectionStringBuilder(chosen).MaxPoolSize);
    }

    [Fact]
    public void Cluster_ports_and_ids_have_defaults_and_bad_values_are_refused()
    {
        var defaults = ClusterSettings.From(Config());
        Assert.Equal((11111, 30000, "digitaltwin", "digitaltwin", "127.0.0.1"),
            (defaults.SiloPort, defaults.GatewayPort, defaults.ClusterId, defaults.ServiceId, defaults.AdvertisedIPAddress.ToString()));

        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.From(Config(("DigitalTwin:Cluster:GatewayPort", "70000"))));
        Assert.Contains("DigitalTwin:Cluster:GatewayPort", error.Message);
    }
}
