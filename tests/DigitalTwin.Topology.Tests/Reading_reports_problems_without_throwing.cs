using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Topology.Tests;

public class Reading_reports_problems_without_throwing
{
    [Fact]
    public void A_yaml_syntax_error_is_one_syntax_error_with_its_line_and_column()
    {
        var result = TopologyFile.Parse("apiVersion: digitaltwin/v1\ntwins:\n  - id: a\n   kind: room\n");

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal(TopologyErrorCodes.Syntax, error.Code);
        Assert.Equal(TopologyFile.DocumentElementId, error.ElementId);
        Assert.StartsWith("line 4, column ", error.Message);
    }

    [Fact]
    public void A_json_syntax_error_is_one_syntax_error_with_its_line()
    {
        var result = TopologyFile.Parse("{\n  \"twins\": [\n    { \"id\": \"a\" \"kind\": \"room\" }\n  ]\n}", TopologyFormat.Json);

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal(TopologyErrorCodes.Syntax, error.Code);
        Assert.StartsWith("line 3, column ", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- id: a\n  kind: room\n")]
    [InlineData("apiVersion: digitaltwin/v2\ntwins: []\n")]
    [InlineData("apiVersion: digitaltwin/v1\n")]
    [InlineData("twins: { id: a }\n")]
    [InlineData("twins: []\n---\ntwins: []\n")]
    [InlineData("twins: [ *nowhere ]\n")]
    public void A_file_that_is_not_a_topology_is_a_syntax_error(string text)
    {
        var result = TopologyFile.Parse(text);

        Assert.Null(result.Document);
        Assert.Equal(TopologyErrorCodes.Syntax, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var text = "twins: " + new string('[', 5000) + new string(']', 5000);

        var result = TopologyFile.Parse(text, TopologyFormat.Yaml);

        Assert.Equal(TopologyErrorCodes.Syntax, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var result = TopologyFile.Load(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml"));

        Assert.Null(result.Document);
        Assert.Equal(TopologyErrorCodes.Syntax, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void An_unknown_kind_is_reported_with_the_element_id_and_the_other_elements_still_parse()
    {
        var result = TopologyFile.Parse("""
            twins:
              - { id: dc-1, kind: datacentre }
              - { id: room-1, kind: room, parent: dc-1 }
              - { id: toaster-1, kind: toaster, parent: room-1 }
              - { id: rack-1, kind: rack, parent: room-1, rated: { power_budget_w: 5000 } }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("toaster-1", TopologyErrorCodes.UnknownKind), (error.ElementId, error.Code));
        Assert.Contains("'toaster'", error.Message);
        Assert.StartsWith("line 4, ", error.Message);
        Assert.Equal(["dc-1", "room-1", "rack-1"], result.Document!.Twins.Select(t => t.Id));
    }

    [Fact]
    public void A_non_numeric_rated_value_is_invalid_capacity_and_the_element_is_still_read()
    {
        var result = TopologyFile.Parse("""
            twins:
              - { id: rack-1, kind: rack, parent: room-1, rated: { power_budget_w: lots, height_u: 42 } }
              - { id: rack-2, kind: rack, parent: room-1, rated: { power_budget_w: 5000 } }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("rack-1", TopologyErrorCodes.InvalidCapacity), (error.ElementId, error.Code));
        Assert.Contains("power_budget_w", error.Message);
        Assert.Equal(42, result.Document!.Twins[0].Rated!["height_u"]);
        Assert.Equal(2, result.Document.Twins.Count);
    }

    [Fact]
    public void Every_element_problem_in_a_file_is_reported_at_once()
    {
        var result = TopologyFile.Parse("""
            twins:
              - { kind: room }
              - { id: a, kind: fridge }
              - { id: b, kind: rack, rated: { power_budget_w: "12 kW" } }
              - { id: c, kind: server, limits: { inlet_temp_c: { warnAbove: warm } } }
              - { id: d, kind: rack, position: { row: A, slot: first }, ratd: { } }
              - just-a-string
            """);

        Assert.Equal(
            [
                ("twins[0]", TopologyErrorCodes.InvalidId),
                ("a", TopologyErrorCodes.UnknownKind),
                ("b", TopologyErrorCodes.InvalidCapacity),
                ("c", TopologyErrorCodes.InvalidCapacity),
                ("d", TopologyErrorCodes.Invalid),
                ("d", TopologyErrorCodes.Invalid),
                ("twins[5]", TopologyErrorCodes.Invalid),
            ],
            result.Errors.Select(e => (e.ElementId, e.Code)));
        Assert.Equal(["b", "c", "d"], result.Document!.Twins.Select(t => t.Id));
    }

    [Fact]
    public void Validating_a_parse_result_does_not_repeat_the_consequences_of_reading_errors()
    {
        var parsed = TopologyFile.Parse("""
            twins:
              - { id: dc-1, kind: datacentre }
              - { id: room-1, kind: room, parent: dc-1 }
              - { id: box-1, kind: toaster, parent: room-1 }
              - { id: cpu-1, kind: cpu, parent: box-1 }
              - { id: rack-1, kind: rack, parent: room-1, rated: { power_budget_w: lots } }
            """);

        var errors = TopologyValidator.Validate(parsed, Fixtures.NoGraph);

        // The toaster's child is not an orphan, and the rack's unreadable budget is not also "missing".
        Assert.Equal(
            [("box-1", TopologyErrorCodes.UnknownKind), ("rack-1", TopologyErrorCodes.InvalidCapacity)],
            errors.Select(e => (e.ElementId, e.Code)));
    }

    [Fact]
    public void Validating_a_parse_result_adds_the_validation_errors_of_the_readable_elements()
    {
        var parsed = TopologyFile.Parse("""
            twins:
              - { id: dc-1, kind: datacentre }
              - { id: box-1, kind: toaster, parent: dc-1 }
              - { id: room-1, kind: room, parent: dc-9 }
            """);

        var errors = TopologyValidator.Validate(parsed, Fixtures.NoGraph);

        Assert.Equal(
            [("box-1", TopologyErrorCodes.UnknownKind), ("room-1", TopologyErrorCodes.UnknownParent)],
            errors.Select(e => (e.ElementId, e.Code)));
    }

    [Fact]
    public void A_key_given_twice_is_reported()
    {
        var result = TopologyFile.Parse("twins:\n  - { id: rack-1, kind: rack, parent: room-1, parent: room-2 }\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("rack-1", TopologyErrorCodes.Invalid), (error.ElementId, error.Code));
        Assert.Contains("'parent' is given more than once", error.Message);
    }

    [Fact]
    public void Aliases_that_expand_a_small_file_into_a_huge_one_are_refused()
    {
        var block = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"k{i}: 1"));
        var uses = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"m{i}: *big"));
        var text = $"twins:\n  - {{ id: s0, kind: server, defs: &big {{ {block} }} }}\n"
            + string.Concat(Enumerable.Range(1, 200).Select(i => $"  - {{ id: s{i}, kind: server, limits: {{ {uses} }} }}\n"));

        var result = TopologyFile.Parse(text);

        Assert.Null(result.Document);
        Assert.Contains("aliases", Assert.Single(result.Errors).Message);
    }
}
