using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>The shared cluster of this test assembly's classes.</summary>
[CollectionDefinition(Name)]
public sealed class GrainsCollection : ICollectionFixture<TwinClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "twin cluster";
}
