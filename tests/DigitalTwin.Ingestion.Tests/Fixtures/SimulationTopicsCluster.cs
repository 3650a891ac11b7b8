namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>A silo whose embedded broker routes the simulator's control topics (<c>sim/#</c>), as the demo's does.</summary>
public sealed class SimulationTopicsCluster : IngestionCluster
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["DigitalTwin:Mqtt:ForwardSimulationTopics"] = "true";
    }
}

[CollectionDefinition(Name)]
public sealed class SimulationTopicsCollection : ICollectionFixture<SimulationTopicsCluster>
{
    public const string Name = "simulation topics forwarded";
}
