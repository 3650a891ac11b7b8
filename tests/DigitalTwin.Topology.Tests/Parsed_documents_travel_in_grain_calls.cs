using DigitalTwin.Abstractions.Topology;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DigitalTwin.Topology.Tests;

public class Parsed_documents_travel_in_grain_calls
{
    [Fact]
    public void A_parsed_document_survives_the_orleans_serializer_unchanged()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer<TopologyDocument>>();
        var parsed = TopologyFile.Load(Fixtures.Sample("demo-datacentre.yaml")).Document!;

        var copy = serializer.Deserialize(serializer.SerializeToArray(parsed));

        SpecAssert.Same(parsed, copy!);
    }
}
