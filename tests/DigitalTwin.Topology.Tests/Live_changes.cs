using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Live_changes
{
    private static readonly Dictionary<string, TopologyEntry> Live = Fixtures.Graph(
    [
        .. Fixtures.SmallSite(),
        new("room-2", TwinKind.Room, "dc-1"),
        new("srv-1-cpu1", TwinKind.Cpu, "srv-1"),
    ]);

    private static (string, string)[] Codes(IReadOnlyList<TopologyError> errors) => [.. errors.Select(e => (e.ElementId, e.Code))];

    [Fact]
    public void Adding_a_new_twin_under_an_existing_parent_is_valid()
    {
        Assert.Empty(TopologyValidator.ValidateAdd(new TwinSpec("srv-1-fan1", TwinKind.Fan, "srv-1"), Live));
    }

    [Fact]
    public void Adding_a_twin_whose_id_exists_is_a_duplicate()
    {
        var errors = TopologyValidator.ValidateAdd(new TwinSpec("srv-1", TwinKind.NetworkSwitch, "rack-1"), Live);

        Assert.Equal([("srv-1", TopologyErrorCodes.DuplicateId)], Codes(errors));
    }

    [Fact]
    public void Adding_reports_every_problem_of_the_spec()
    {
        var errors = TopologyValidator.ValidateAdd(
            new TwinSpec("rack-9", TwinKind.Rack, "room-404", PowerFeeds: [new PowerFeed("srv-1", "A")]), Live);

        Assert.Equal(
            [("rack-9", TopologyErrorCodes.UnknownParent), ("rack-9", TopologyErrorCodes.MissingCapacity), ("rack-9", TopologyErrorCodes.InvalidRelation)],
            Codes(errors));
    }

    [Fact]
    public void Moving_a_rack_to_another_room_is_valid()
    {
        Assert.Empty(TopologyValidator.ValidateMove("rack-1", "room-2", Live));
    }

    [Fact]
    public void Moving_a_twin_under_its_own_descendant_is_a_cycle()
    {
        var errors = TopologyValidator.ValidateMove("room-1", "srv-1", Live);

        Assert.Equal([("room-1", TopologyErrorCodes.Cycle)], Codes(errors));
        Assert.Contains("room-1 → srv-1 → rack-1 → room-1", errors[0].Message);
    }

    [Fact]
    public void Moving_a_twin_under_itself_is_a_cycle()
    {
        Assert.Equal([("rack-1", TopologyErrorCodes.Cycle)], Codes(TopologyValidator.ValidateMove("rack-1", "rack-1", Live)));
    }

    [Fact]
    public void Moving_a_component_into_a_room_is_an_invalid_placement()
    {
        Assert.Equal([("srv-1-cpu1", TopologyErrorCodes.InvalidPlacement)], Codes(TopologyValidator.ValidateMove("srv-1-cpu1", "room-2", Live)));
    }

    [Fact]
    public void Moving_a_data_centre_is_invalid()
    {
        Assert.Equal([("dc-1", TopologyErrorCodes.Invalid)], Codes(TopologyValidator.ValidateMove("dc-1", "room-2", Live)));
    }

    [Fact]
    public void Moving_an_unknown_twin_to_an_unknown_parent_reports_both()
    {
        Assert.Equal(
            [("ghost", TopologyErrorCodes.UnknownTwin), ("ghost", TopologyErrorCodes.UnknownParent)],
            Codes(TopologyValidator.ValidateMove("ghost", "nowhere", Live)));
    }
}
