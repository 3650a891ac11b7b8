using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Services_run_on_servers
{
    private const string Yaml = """
        apiVersion: digitaltwin/v1
        twins:
          - { id: dc-1, kind: datacentre }
          - { id: room-1, kind: room, parent: dc-1, rated: { volume_m3: 900 } }
          - { id: pdu-1, kind: pdu, parent: room-1, rated: { capacity_w: 22000 } }
          - { id: rack-1, kind: rack, parent: room-1, position: { row: A, slot: 1 }, rated: { power_budget_w: 12000 } }
          - { id: srv-1, kind: server, parent: rack-1 }
          - { id: srv-2, kind: server, parent: rack-1 }
          - { id: svc-web, kind: service, parent: dc-1, runsOn: [srv-1, srv-2] }
          - { id: svc-db, kind: service, parent: room-1, runsOn: srv-2 }
        """;

    [Fact]
    public void A_service_with_runsOn_is_read_validated_and_written_back()
    {
        var parsed = TopologyFile.Parse(Yaml, TopologyFormat.Yaml);

        Assert.Empty(parsed.Errors);
        var web = parsed.Document!.Twins.Single(t => t.Id == "svc-web");
        Assert.Equal(TwinKind.Service, web.Kind);
        Assert.Equal(["srv-1", "srv-2"], web.RunsOn!);
        Assert.Equal(["srv-2"], parsed.Document.Twins.Single(t => t.Id == "svc-db").RunsOn!);
        Assert.Empty(TopologyValidator.Validate(parsed.Document, Fixtures.NoGraph));

        var again = TopologyFile.Parse(TopologyFile.ToYaml(parsed.Document), TopologyFormat.Yaml);
        Assert.Empty(again.Errors);
        SpecAssert.Same(parsed.Document, again.Document!);
    }

    [Fact]
    public void RunsOn_naming_anything_but_a_server_is_refused()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec("svc-1", TwinKind.Service, "room-1", RunsOn: ["srv-1", "rack-1", "srv-9"])]);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("svc-1", TopologyErrorCodes.InvalidRelation), (e.ElementId, e.Code)));
        Assert.Contains(errors, e => e.Message.Contains("'rack-1' is a rack"));
        Assert.Contains(errors, e => e.Message.Contains("'srv-9' is neither"));
    }

    [Fact]
    public void Only_services_run_on_servers_and_services_sit_only_in_data_centres_and_rooms()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site.With(site.Get("rack-1") with { RunsOn = ["srv-1"] }),
            new TwinSpec("svc-in-rack", TwinKind.Service, "rack-1"),
        ]);

        Assert.Contains(errors, e => e is { ElementId: "rack-1", Code: TopologyErrorCodes.InvalidRelation });
        Assert.Contains(errors, e => e is { ElementId: "svc-in-rack", Code: TopologyErrorCodes.InvalidPlacement });
    }

    [Fact]
    public void Floor_coordinates_follow_slot_width_and_row_pitch_with_rows_ordered_ignoring_case()
    {
        var rows = FloorPlan.OrderRows(["b", "A", "B", "c"]);

        Assert.Equal(["A", "b", "c"], rows);
        Assert.Equal((0.3, 0.0), FloorPlan.Locate(new RackPosition("a", 1), rows, null));
        Assert.Equal((1.5, 6.0), FloorPlan.Locate(new RackPosition("C", 3), rows, null));
        var rated = new Dictionary<string, double> { [RatedProperties.RowPitch] = 4, [RatedProperties.SlotWidth] = 0.8 };
        Assert.Equal((3.6, 4.0), FloorPlan.Locate(new RackPosition("B", 5), rows, rated));
    }
}
