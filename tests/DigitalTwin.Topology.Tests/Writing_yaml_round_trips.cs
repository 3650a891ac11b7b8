using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Writing_yaml_round_trips
{
    [Fact]
    public void ToYaml_of_the_demo_sample_reads_back_to_the_same_document()
    {
        var original = TopologyFile.Load(Fixtures.Sample("demo-datacentre.yaml")).Document!;

        var again = TopologyFile.Parse(TopologyFile.ToYaml(original), TopologyFormat.Yaml);

        Assert.Empty(again.Errors);
        SpecAssert.Same(original, again.Document!);
    }

    [Fact]
    public void ToYaml_keeps_strings_that_look_like_numbers_booleans_or_null_as_strings()
    {
        var tricky = new TwinSpec("42", TwinKind.Rack, "true", Name: "null",
            Rated: Fixtures.Rated(("power_budget_w", 1.5e-7), ("odd: name", 3)),
            Limits: new Dictionary<string, MetricLimit> { ["inlet_temp_c"] = new(WarnBelow: -5.25, CriticalBelow: -10) },
            Tags: ["yes", "1e3", "- dash", "# hash", "key: value", "ünïcode → arrow"],
            Position: new RackPosition("007", 3),
            PowerFeeds: [new PowerFeed("~", "'quoted'")],
            CoolingUnits: ["off", ".inf"]);
        var document = Fixtures.Document([tricky]);

        var yaml = TopologyFile.ToYaml(document);
        var again = TopologyFile.Parse(yaml);

        Assert.Empty(again.Errors);
        SpecAssert.Same(document, again.Document!);
        // Other YAML readers must see strings too, so ambiguous values are quoted, not just read back by us.
        Assert.Contains("id: \"42\"", yaml);
        Assert.Contains("name: \"null\"", yaml);
    }

    [Fact]
    public void ToYaml_keeps_non_finite_rated_values_so_the_validator_can_name_them()
    {
        var document = Fixtures.Document([new TwinSpec("srv-1", TwinKind.Server, "rack-1",
            Rated: Fixtures.Rated(("a", double.NaN), ("b", double.PositiveInfinity), ("c", double.NegativeInfinity)))]);

        var again = TopologyFile.Parse(TopologyFile.ToYaml(document)).Document!;

        var rated = again.Twins[0].Rated!;
        Assert.True(double.IsNaN(rated["a"]));
        Assert.Equal(double.PositiveInfinity, rated["b"]);
        Assert.Equal(double.NegativeInfinity, rated["c"]);
    }

    [Fact]
    public void ToYaml_of_a_generated_topology_reads_back_to_the_same_document()
    {
        var document = TopologyGenerator.Generate(rooms: 2, racksPerRoom: 12, serversPerRack: 5, withComponents: true);

        var again = TopologyFile.Parse(TopologyFile.ToYaml(document));

        Assert.Empty(again.Errors);
        SpecAssert.Same(document, again.Document!);
    }
}
