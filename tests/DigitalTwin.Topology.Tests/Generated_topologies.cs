using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Topology.Tests;

public class Generated_topologies
{
    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(2, 25, 8, true)]
    [InlineData(1, 3, 30, false)]
    [InlineData(1, 2, 60, false)]
    [InlineData(0, 0, 0, false)]
    public void A_generated_topology_is_valid_and_as_large_as_announced(int rooms, int racks, int servers, bool components)
    {
        var document = TopologyGenerator.Generate(rooms, racks, servers, components);

        Assert.Empty(TopologyValidator.Validate(document, Fixtures.NoGraph));
        Assert.Equal(TopologyGenerator.CountTwins(rooms, racks, servers, components), document.Twins.Count);
        Assert.Equal(rooms * racks * servers, document.Twins.Count(t => t.Kind == TwinKind.Server));
        Assert.Equal(components ? rooms * racks * servers * 9 : 0, document.Twins.Count(t => t.Kind.LevelOf() == TwinLevel.Component));
    }

    [Fact]
    public void A_twenty_thousand_twin_topology_validates_clean_and_a_planted_cycle_is_found()
    {
        var document = TopologyGenerator.Generate(rooms: 4, racksPerRoom: 50, serversPerRack: 10, withComponents: true);
        Assert.True(document.Twins.Count > 20_000);
        Assert.Empty(TopologyValidator.Validate(document, Fixtures.NoGraph));

        var rooms = document.Twins.Where(t => t.Kind == TwinKind.Room).ToList();
        var planted = document with
        {
            Twins = [.. document.Twins.Select(t => t.Id == rooms[0].Id ? t with { ParentId = "srv-01-001-01" } : t)],
        };

        var error = Assert.Single(TopologyValidator.Validate(planted, Fixtures.NoGraph));
        Assert.Equal(("room-01", "cycle"), (error.ElementId, error.Code));
    }

    [Fact]
    public void The_same_arguments_give_the_same_document()
    {
        SpecAssert.Same(TopologyGenerator.Generate(2, 3, 4, true), TopologyGenerator.Generate(2, 3, 4, true));
    }
}
