namespace DigitalTwin.Scenarios.Tests.Support;

/// <summary>The scenario tests share one cluster and run one at a time (they count held scenarios).</summary>
[CollectionDefinition(Name)]
public sealed class ScenariosCollection : ICollectionFixture<SqliteTwinCluster>
{
    public const string Name = "scenario cluster";
}
