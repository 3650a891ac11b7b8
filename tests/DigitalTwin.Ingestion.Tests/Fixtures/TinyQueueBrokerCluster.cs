namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>A broker whose subscriber queues hold only a handful of messages, so that drops happen.</summary>
public sealed class TinyQueueBrokerCluster : IngestionCluster
{
    public const int MaxPending = 10;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["DigitalTwin:Mqtt:Broker:MaxPendingMessagesPerClient"] = MaxPending.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class TinyQueueBrokerCollection : ICollectionFixture<TinyQueueBrokerCluster>
{
    public const string Name = "tiny queue broker";
}
