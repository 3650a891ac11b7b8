using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Merging_onto_an_existing_graph
{
    private static readonly Dictionary<string, TopologyEntry> Live = Fixtures.Graph(Fixtures.SmallSite());

    [Fact]
    public void An_id_that_already_exists_is_an_update_not_a_duplicate()
    {
        var update = Fixtures.SmallSite().Get("srv-1") with { Name = "renamed" };

        Assert.Empty(TopologyValidator.Validate(Fixtures.Document([update]), Live));
    }

    [Fact]
    public void Parents_and_relations_resolve_against_the_existing_graph()
    {
        var addition = new TwinSpec("srv-2", TwinKind.Server, "rack-1",
            Rated: Fixtures.Rated(("position_u", 3)), PowerFeeds: [new PowerFeed("pdu-1", "A")], CoolingUnits: ["crac-1"]);

        Assert.Empty(TopologyValidator.Validate(Fixtures.Document([addition]), Live));
    }

    [Fact]
    public void Placement_is_checked_against_an_existing_parent()
    {
        var addition = new TwinSpec("disk-9", TwinKind.Disk, "room-1");

        var errors = TopologyValidator.Validate(Fixtures.Document([addition]), Live);

        Assert.Equal(("disk-9", TopologyErrorCodes.InvalidPlacement), (Assert.Single(errors).ElementId, errors[0].Code));
    }

    [Fact]
    public void Changing_the_kind_of_an_existing_twin_is_a_conflict()
    {
        var update = new TwinSpec("srv-1", TwinKind.NetworkSwitch, "rack-1");

        var errors = TopologyValidator.Validate(Fixtures.Document([update]), Live);

        Assert.Equal(("srv-1", TopologyErrorCodes.Conflict), (Assert.Single(errors).ElementId, errors[0].Code));
        Assert.Contains("already exists as a server", errors[0].Message);
    }

    [Fact]
    public void Moving_an_existing_room_under_a_rack_it_contains_closes_a_cycle_through_the_graph()
    {
        var live = Fixtures.Graph([
            new("dc-1", TwinKind.DataCentre, null),
            new("room-1", TwinKind.Room, "dc-1"),
            new("rack-1", TwinKind.Rack, "room-1"),
        ]);
        // Only the room is in the document; the rack's parent comes from the live graph.
        var update = new TwinSpec("room-1", TwinKind.Room, "rack-1");

        var errors = TopologyValidator.Validate(Fixtures.Document([update]), live);

        var error = Assert.Single(errors);
        Assert.Equal(("room-1", TopologyErrorCodes.Cycle), (error.ElementId, error.Code));
        Assert.Equal("parents form a loop: room-1 → rack-1 → room-1", error.Message);
    }

    [Fact]
    public void A_document_that_moves_a_rack_and_rehomes_its_old_room_is_valid()
    {
        var update = Fixtures.Document([
            new TwinSpec("room-2", TwinKind.Room, "dc-1"),
            Fixtures.SmallSite().Get("rack-1") with { ParentId = "room-2" },
        ]);

        Assert.Empty(TopologyValidator.Validate(update, Live));
    }

    [Fact]
    public void A_document_may_both_move_an_existing_twin_and_break_the_loop_it_would_make()
    {
        var live = Fixtures.Graph([
            new("dc-1", TwinKind.DataCentre, null),
            new("room-1", TwinKind.Room, "dc-1"),
            new("room-2", TwinKind.Room, "dc-1"),
        ]);
        // Swapping which room is where is fine as long as the document's parents, merged with the graph, end at the root.
        var update = Fixtures.Document([new TwinSpec("room-1", TwinKind.Room, "dc-1"), new TwinSpec("room-2", TwinKind.Room, "dc-1")]);

        Assert.Empty(TopologyValidator.Validate(update, live));
    }
}
