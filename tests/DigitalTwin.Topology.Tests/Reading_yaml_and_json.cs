using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Reading_yaml_and_json
{
    private const string Yaml = """
        apiVersion: digitaltwin/v1
        twins:
          - id: dc-lon1
            kind: datacentre
            name: London One
          - id: room-a
            kind: room
            parent: dc-lon1
          - id: pdu-a01-a
            kind: pdu
            parent: rack-a01
            rated: { capacity_w: 22000 }
          - id: crac-a1
            kind: crac
            parent: room-a
            rated: { cooling_capacity_w: 60000 }
          - id: rack-a01
            kind: rack
            parent: room-a
            position: { row: A, slot: 1 }
            rated: { power_budget_w: 12000, height_u: 42 }
            power: [ { source: pdu-a01-a, path: A }, { source: pdu-a01-a, path: B } ]
            cooling: [ crac-a1 ]
            tags: [ production ]
          - id: srv-a01-01
            kind: server
            parent: rack-a01
            rated: { position_u: 10, size_u: 2, nameplate_power_w: 800 }
            limits: { inlet_temp_c: { warnAbove: 27, criticalAbove: 32.5 }, fan_rpm: { warnBelow: 1500 } }
        """;

    private const string Json = """
        {
          "apiVersion": "digitaltwin/v1",
          "twins": [
            { "id": "dc-lon1", "kind": "datacentre", "name": "London One" },
            { "id": "room-a", "kind": "room", "parent": "dc-lon1" },
            { "id": "pdu-a01-a", "kind": "pdu", "parent": "rack-a01", "rated": { "capacity_w": 22000 } },
            { "id": "crac-a1", "kind": "crac", "parent": "room-a", "rated": { "cooling_capacity_w": 60000 } },
            {
              "id": "rack-a01", "kind": "rack", "parent": "room-a",
              "position": { "row": "A", "slot": 1 },
              "rated": { "power_budget_w": 12000, "height_u": 42 },
              "power": [ { "source": "pdu-a01-a", "path": "A" }, { "source": "pdu-a01-a", "path": "B" } ],
              "cooling": [ "crac-a1" ],
              "tags": [ "production" ]
            },
            {
              "id": "srv-a01-01", "kind": "server", "parent": "rack-a01",
              "rated": { "position_u": 10, "size_u": 2, "nameplate_power_w": 800 },
              "limits": { "inlet_temp_c": { "warnAbove": 27, "criticalAbove": 32.5 }, "fan_rpm": { "warnBelow": 1500 } }
            }
          ]
        }
        """;

    [Fact]
    public void Yaml_is_read_into_specs_with_every_field()
    {
        var result = TopologyFile.Parse(Yaml, TopologyFormat.Yaml);

        Assert.Empty(result.Errors);
        var twins = result.Document!.Twins;
        Assert.Equal(["dc-lon1", "room-a", "pdu-a01-a", "crac-a1", "rack-a01", "srv-a01-01"], twins.Select(t => t.Id));
        var rack = twins[4];
        Assert.Equal(TwinKind.Rack, rack.Kind);
        Assert.Equal("room-a", rack.ParentId);
        Assert.Equal(new RackPosition("A", 1), rack.Position);
        Assert.Equal(12000, rack.Rated!["power_budget_w"]);
        Assert.Equal(42, rack.Rated["height_u"]);
        Assert.Equal([new PowerFeed("pdu-a01-a", "A"), new PowerFeed("pdu-a01-a", "B")], rack.PowerFeeds!);
        Assert.Equal(["crac-a1"], rack.CoolingUnits!);
        Assert.Equal(["production"], rack.Tags!);
        var server = twins[5];
        Assert.Equal(new MetricLimit(WarnAbove: 27, CriticalAbove: 32.5), server.Limits!["inlet_temp_c"]);
        Assert.Equal(new MetricLimit(WarnBelow: 1500), server.Limits["fan_rpm"]);
        Assert.Equal("London One", twins[0].Name);
        Assert.Null(twins[0].ParentId);
    }

    [Fact]
    public void Json_of_the_same_shape_gives_the_same_document()
    {
        var fromYaml = TopologyFile.Parse(Yaml, TopologyFormat.Yaml);
        var fromJson = TopologyFile.Parse(Json, TopologyFormat.Json);

        Assert.Empty(fromJson.Errors);
        SpecAssert.Same(fromYaml.Document!, fromJson.Document!);
    }

    [Fact]
    public void Auto_format_tells_json_from_yaml()
    {
        var json = TopologyFile.Parse(Json);
        var yaml = TopologyFile.Parse(Yaml);

        Assert.Empty(json.Errors);
        Assert.Empty(yaml.Errors);
        SpecAssert.Same(yaml.Document!, json.Document!);
    }

    [Fact]
    public void Auto_format_reads_flow_style_yaml_that_starts_with_a_brace()
    {
        var result = TopologyFile.Parse("{ apiVersion: digitaltwin/v1, twins: [ { id: dc-1, kind: datacentre } ] }");

        Assert.Empty(result.Errors);
        Assert.Equal("dc-1", Assert.Single(result.Document!.Twins).Id);
    }

    [Fact]
    public void Kind_spellings_are_folded_and_a_feed_path_defaults_to_its_place_in_the_list()
    {
        var result = TopologyFile.Parse("""
            twins:
              - { id: dc-1, kind: Data-Center }
              - { id: sw-1, kind: switch, parent: rack-1, power: [ pdu-1, { source: pdu-2 } ] }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(TwinKind.DataCentre, result.Document!.Twins[0].Kind);
        Assert.Equal(TwinKind.NetworkSwitch, result.Document.Twins[1].Kind);
        Assert.Equal([new PowerFeed("pdu-1", "A"), new PowerFeed("pdu-2", "B")], result.Document.Twins[1].PowerFeeds!);
    }

    [Fact]
    public void Anchors_and_aliases_share_limits_between_twins()
    {
        var result = TopologyFile.Parse("""
            twins:
              - { id: srv-1, kind: server, parent: rack-1, limits: &server-limits { inlet_temp_c: { warnAbove: 27 } } }
              - { id: srv-2, kind: server, parent: rack-1, limits: *server-limits }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(27, result.Document!.Twins[1].Limits!["inlet_temp_c"].WarnAbove);
    }

    [Fact]
    public void An_empty_twins_list_is_an_empty_document()
    {
        var result = TopologyFile.Parse("apiVersion: digitaltwin/v1\ntwins: []\n");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Document!.Twins);
    }

    [Fact]
    public void Load_takes_the_format_from_the_extension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"topology-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Json);
        try
        {
            var result = TopologyFile.Load(path);

            Assert.Empty(result.Errors);
            Assert.Equal(6, result.Document!.Twins.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
