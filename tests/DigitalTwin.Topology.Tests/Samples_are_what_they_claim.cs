using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Topology.Tests;

public class Samples_are_what_they_claim
{
    [Fact]
    public void The_demo_data_centre_parses_and_validates_clean()
    {
        var parsed = TopologyFile.Load(Fixtures.Sample("demo-datacentre.yaml"));

        Assert.Empty(parsed.Errors);
        Assert.Empty(TopologyValidator.Validate(parsed.Document!, Fixtures.NoGraph));
        var kinds = parsed.Document!.Twins.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, kinds[TwinKind.DataCentre]);
        Assert.Equal(2, kinds[TwinKind.Room]);
        // What issue 7 asks of the demo: 500 servers in 2 rooms, about 24 racks, 4 or more CRACs, A/B feeds, services.
        Assert.Equal(6, kinds[TwinKind.Crac]);
        Assert.Equal(24, kinds[TwinKind.Rack]);
        Assert.Equal(500, kinds[TwinKind.Server]);
        Assert.Equal(500, kinds[TwinKind.Cpu]);
        Assert.True(kinds[TwinKind.Service] >= 5);
        Assert.All(parsed.Document.Twins.Where(t => t.Kind == TwinKind.Rack), rack =>
            Assert.Equal(["A", "B"], rack.PowerFeeds!.Select(f => f.Path).Distinct().Order()));
        Assert.All(parsed.Document.Twins.Where(t => t.Kind is TwinKind.Rack or TwinKind.Crac), positioned => Assert.NotNull(positioned.Position));
    }

    [Fact]
    public void The_invalid_sample_gives_exactly_one_cycle_one_duplicate_and_one_unknown_parent()
    {
        var parsed = TopologyFile.Load(Fixtures.Sample("invalid-topology.yaml"));

        var errors = TopologyValidator.Validate(parsed, Fixtures.NoGraph);

        Assert.Empty(parsed.Errors);
        Assert.Equal(
            [TopologyErrorCodes.Cycle, TopologyErrorCodes.DuplicateId, TopologyErrorCodes.UnknownParent],
            errors.Select(e => e.Code).Order());
        Assert.Contains(errors, e => e.ToString() == "rack-c01: cycle: parents form a loop: rack-c01 → room-x → rack-c01");
        Assert.Contains(errors, e => e.ElementId == "rack-a01" && e.Code == TopologyErrorCodes.DuplicateId);
        Assert.Contains(errors, e => e.ElementId == "srv-z01-01" && e.Code == TopologyErrorCodes.UnknownParent);
    }
}
