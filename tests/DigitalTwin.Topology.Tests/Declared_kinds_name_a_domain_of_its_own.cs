using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

/// <summary>
/// A topology declares kinds of its own (<c>kinds:</c>): its twins keep the declared name and wear signals, take the
/// built-in base's place in the hierarchy, and the file writes back the same; bad declarations are refused by name.
/// </summary>
public class Declared_kinds_name_a_domain_of_its_own
{
    private const string Line = """
        apiVersion: digitaltwin/v1
        kinds:
          - { name: plant, base: datacentre }
          - { name: line, base: room, description: A production line }
          - { name: cell, base: rack }
          - name: machine
            base: server
            wear:
              - { metric: vibration_mm_s, direction: rising }
              - { metric: spindle_rpm, direction: falling, failAt: 900 }
        twins:
          - { id: plant-1, kind: plant }
          - { id: line-1, kind: line, parent: plant-1 }
          - { id: cell-1, kind: cell, parent: line-1, rated: { power_budget_w: 60000 } }
          - { id: cnc-1, kind: machine, parent: cell-1, limits: { vibration_mm_s: { warnAbove: 7.1, criticalAbove: 11.2 } } }
        """;

    [Fact]
    public void Twins_of_a_declared_kind_carry_its_name_and_wear_signals_and_write_back_the_same()
    {
        var parsed = TopologyFile.Parse(Line, TopologyFormat.Yaml);

        Assert.Empty(parsed.Errors);
        var cnc = parsed.Document!.Twins.Single(t => t.Id == "cnc-1");
        Assert.Equal((TwinKind.Server, "machine"), (cnc.Kind, cnc.Type));
        Assert.Equal([new WearSignalSpec("vibration_mm_s", Rising: true), new WearSignalSpec("spindle_rpm", Rising: false, FailureAt: 900)], cnc.Wear!);
        var line = parsed.Document.Twins.Single(t => t.Id == "line-1");
        Assert.Equal((TwinKind.Room, "line"), (line.Kind, line.Type));
        Assert.Equal(["plant", "line", "cell", "machine"], parsed.Document.Kinds!.Select(k => k.Name));
        Assert.Empty(TopologyValidator.Validate(parsed.Document, Fixtures.NoGraph));

        var again = TopologyFile.Parse(TopologyFile.ToYaml(parsed.Document), TopologyFormat.Yaml);
        Assert.Empty(again.Errors);
        SpecAssert.Same(parsed.Document, again.Document!);
        Assert.Equal("A production line", again.Document!.Kinds!.Single(k => k.Name == "line").Description);
    }

    [Fact]
    public void A_declared_kind_takes_its_bases_place_in_the_hierarchy()
    {
        var parsed = TopologyFile.Parse(Line.Replace("parent: cell-1", "parent: line-1", StringComparison.Ordinal), TopologyFormat.Yaml);

        var error = Assert.Single(TopologyValidator.Validate(parsed.Document!, Fixtures.NoGraph));
        Assert.Equal(("cnc-1", TopologyErrorCodes.InvalidPlacement), (error.ElementId, error.Code));
    }

    [Fact]
    public void Bad_declarations_and_undeclared_kinds_are_refused_by_name()
    {
        var parsed = TopologyFile.Parse("""
            apiVersion: digitaltwin/v1
            kinds:
              - { name: server, base: server }
              - { name: robot, base: spaceship }
              - { name: press, base: server, wear: [ { metric: vibration_mm_s, direction: sideways } ] }
            twins:
              - { id: dc-1, kind: datacentre }
              - { id: r-1, kind: robot, parent: dc-1 }
              - { id: w-1, kind: welder, parent: dc-1 }
            """, TopologyFormat.Yaml);

        Assert.Contains(parsed.Errors, e => e.ElementId == "kinds.server" && e.Message.Contains("is a built-in kind"));
        Assert.Contains(parsed.Errors, e => e.ElementId == "kinds.robot" && e.Code == TopologyErrorCodes.UnknownKind && e.Message.Contains("spaceship"));
        Assert.Contains(parsed.Errors, e => e.ElementId == "kinds.press" && e.Message.Contains("'rising' or 'falling'"));
        Assert.Contains(parsed.Errors, e => e.ElementId == "r-1" && e.Code == TopologyErrorCodes.UnknownKind);
        Assert.Contains(parsed.Errors, e => e.ElementId == "w-1" && e.Message.Contains("unknown kind 'welder'") && e.Message.Contains("declared here: press"));
    }

    [Fact]
    public void The_manufacturing_sample_reads_and_validates_with_its_own_kinds()
    {
        var parsed = TopologyFile.Load(Fixtures.Sample(Path.Combine("ManufacturingLine", "production-line.yaml")));

        Assert.Empty(parsed.Errors);
        Assert.Empty(TopologyValidator.Validate(parsed.Document!, Fixtures.NoGraph));
        var machines = parsed.Document!.Twins.Where(t => t.Type == "machine").ToList();
        Assert.Equal(7, machines.Count);
        Assert.All(machines, m => Assert.Equal("vibration_mm_s", Assert.Single(m.Wear!).Metric));
        Assert.DoesNotContain(parsed.Document.Twins, t => t.Type is null);
    }
}
