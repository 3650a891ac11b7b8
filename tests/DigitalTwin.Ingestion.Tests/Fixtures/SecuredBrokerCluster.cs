using DigitalTwin.Ingestion.Security;

namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>
/// The production setting: anonymous access off, two devices with hashed passwords, each allowed its own twins.
/// </summary>
public sealed class SecuredBrokerCluster : IngestionCluster
{
    public const string RackDevice = "rack-1-gateway";
    public const string RackDevicePassword = "correct horse battery staple";
    public const string ServerDevice = "server-bmc";
    public const string ServerDevicePassword = "s3rv3r-pw";

    /// <summary>The prefix of the twins the rack gateway may publish for.</summary>
    public string RackPrefix => Servers[0].Id[..^2];

    /// <summary>The one twin the server device may publish for.</summary>
    public string ServerDeviceTwin => Servers[^1].Id;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["DigitalTwin:Mqtt:AllowAnonymous"] = "false";
        settings["DigitalTwin:Mqtt:Devices:0:Username"] = RackDevice;
        settings["DigitalTwin:Mqtt:Devices:0:PasswordHash"] = PasswordHash.Create(RackDevicePassword, iterations: 20_000);
        settings["DigitalTwin:Mqtt:Devices:0:Twins:0"] = RackPrefix + "*";
        settings["DigitalTwin:Mqtt:Devices:1:Username"] = ServerDevice;
        settings["DigitalTwin:Mqtt:Devices:1:PasswordHash"] = PasswordHash.Create(ServerDevicePassword, iterations: 20_000);
        settings["DigitalTwin:Mqtt:Devices:1:Twins:0"] = ServerDeviceTwin;
        settings["DigitalTwin:Mqtt:Devices:1:Subscribe:0"] = "dt/deadletter/#";
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredBrokerCollection : ICollectionFixture<SecuredBrokerCluster>
{
    public const string Name = "secured broker";
}
