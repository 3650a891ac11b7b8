namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>The demo's setting: anonymous publishing allowed; small limits so that refusals are easy to provoke.</summary>
public sealed class OpenBrokerCluster : IngestionCluster
{
    public const int MaxPayloadBytes = 64 * 1024;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["DigitalTwin:Mqtt:Limits:MaxPayloadBytes"] = MaxPayloadBytes.ToString();
        settings["DigitalTwin:Mqtt:Limits:MaxMetricsPerTwin"] = "100";
    }
}

[CollectionDefinition(Name)]
public sealed class OpenBrokerCollection : ICollectionFixture<OpenBrokerCluster>
{
    public const string Name = "open broker";
}
