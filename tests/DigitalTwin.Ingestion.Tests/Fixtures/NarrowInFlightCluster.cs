namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>A silo that applies at most two messages at once, so that a handful of publishers overload it.</summary>
public sealed class NarrowInFlightCluster : IngestionCluster
{
    public const int MaxInFlight = 2;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["DigitalTwin:Mqtt:Limits:MaxInFlightMessages"] = MaxInFlight.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class NarrowInFlightCollection : ICollectionFixture<NarrowInFlightCluster>
{
    public const string Name = "narrow in-flight bound";
}
