using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

public class Validation_rules
{
    private static (string, string) Only(IReadOnlyList<TopologyError> errors)
    {
        var error = Assert.Single(errors);
        return (error.ElementId, error.Code);
    }

    [Fact]
    public void The_small_site_is_valid()
    {
        Assert.Empty(Fixtures.ValidateSiteWith(site => site));
    }

    [Fact]
    public void Duplicate_ids_in_a_document_are_reported_once_per_id()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, site.Get("srv-1") with { Name = "again" }, site.Get("srv-1")]);

        Assert.Equal(("srv-1", TopologyErrorCodes.DuplicateId), Only(errors));
        Assert.Contains("3 times", errors[0].Message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("scenario~separator")]
    [InlineData("")]
    public void Invalid_ids_are_refused(string id)
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec(id, TwinKind.Server, "rack-1")]);

        Assert.Equal(TopologyErrorCodes.InvalidId, Assert.Single(errors).Code);
    }

    [Fact]
    public void An_id_longer_than_the_limit_is_refused()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec(new string('s', TwinIds.MaxLength + 1), TwinKind.Server, "rack-1")]);

        Assert.Equal(TopologyErrorCodes.InvalidId, Assert.Single(errors).Code);
    }

    [Fact]
    public void A_parent_in_neither_the_document_nor_the_graph_is_unknown()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec("srv-2", TwinKind.Server, "rack-9")]);

        Assert.Equal(("srv-2", TopologyErrorCodes.UnknownParent), Only(errors));
        Assert.Contains("'rack-9'", errors[0].Message);
    }

    [Fact]
    public void A_cycle_is_reported_once_naming_its_members_from_the_first_in_the_document()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site,
            new TwinSpec("rack-x", TwinKind.Rack, "room-y", Rated: Fixtures.Rated(("power_budget_w", 1000))),
            new TwinSpec("room-y", TwinKind.Room, "rack-z"),
            new TwinSpec("rack-z", TwinKind.Rack, "rack-x", Rated: Fixtures.Rated(("power_budget_w", 1000))),
            new TwinSpec("srv-hanging", TwinKind.Server, "rack-z"),
        ]);

        Assert.Equal(("rack-x", TopologyErrorCodes.Cycle), Only(errors));
        Assert.Equal("parents form a loop: rack-x → room-y → rack-z → rack-x", errors[0].Message);
    }

    [Fact]
    public void A_twin_that_is_its_own_parent_is_a_cycle()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("srv-1") with { ParentId = "srv-1" }));

        Assert.Equal(("srv-1", TopologyErrorCodes.Cycle), Only(errors));
    }

    [Fact]
    public void Two_separate_cycles_are_two_errors()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site,
            new TwinSpec("room-p", TwinKind.Room, "room-q"),
            new TwinSpec("room-q", TwinKind.Room, "room-p"),
            new TwinSpec("room-r", TwinKind.Room, "room-s"),
            new TwinSpec("room-s", TwinKind.Room, "room-r"),
        ]);

        Assert.Equal(["room-p", "room-r"], errors.Select(e => e.ElementId));
        Assert.All(errors, e => Assert.Equal(TopologyErrorCodes.Cycle, e.Code));
    }

    [Fact]
    public void A_component_directly_in_a_rack_is_an_invalid_placement()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec("fan-1", TwinKind.Fan, "rack-1")]);

        Assert.Equal(("fan-1", TopologyErrorCodes.InvalidPlacement), Only(errors));
        Assert.Contains("a fan cannot sit directly in a rack ('rack-1')", errors[0].Message);
    }

    [Fact]
    public void A_crac_in_a_rack_is_an_invalid_placement()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("crac-1") with { ParentId = "rack-1" }));

        Assert.Equal(("crac-1", TopologyErrorCodes.InvalidPlacement), Only(errors));
    }

    [Fact]
    public void A_data_centre_with_a_parent_is_invalid()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec("dc-2", TwinKind.DataCentre, "dc-1")]);

        Assert.Equal(("dc-2", TopologyErrorCodes.Invalid), Only(errors));
    }

    [Fact]
    public void A_twin_other_than_a_data_centre_needs_a_parent()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("room-1") with { ParentId = null }));

        Assert.Equal(("room-1", TopologyErrorCodes.Invalid), Only(errors));
        Assert.Contains("needs a parent: a datacentre", errors[0].Message);
    }

    [Theory]
    [InlineData("rack-1", "power_budget_w")]
    [InlineData("crac-1", "cooling_capacity_w")]
    [InlineData("pdu-1", "capacity_w")]
    public void A_required_capacity_that_is_missing_is_reported(string id, string property)
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get(id) with { Rated = site.Get(id).Rated!.Where(p => p.Key != property).ToDictionary() }));

        Assert.Equal((id, TopologyErrorCodes.MissingCapacity), Only(errors));
        Assert.Contains(property, errors[0].Message);
    }

    [Fact]
    public void A_ups_needs_its_capacity()
    {
        var errors = Fixtures.ValidateSiteWith(site => [.. site, new TwinSpec("ups-1", TwinKind.Ups, "room-1")]);

        Assert.Equal(("ups-1", TopologyErrorCodes.MissingCapacity), Only(errors));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_rated_value_is_invalid(double value)
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("srv-1") with { Rated = Fixtures.Rated(("nameplate_power_w", value)) }));

        Assert.Equal(("srv-1", TopologyErrorCodes.InvalidCapacity), Only(errors));
    }

    [Fact]
    public void A_required_capacity_of_zero_is_invalid()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("crac-1") with { Rated = Fixtures.Rated(("cooling_capacity_w", 0)) }));

        Assert.Equal(("crac-1", TopologyErrorCodes.InvalidCapacity), Only(errors));
    }

    [Theory]
    [InlineData("height_u", 0.0)]
    [InlineData("size_u", 1.5)]
    [InlineData("position_u", 0.0)]
    public void Rack_units_must_be_whole_numbers_from_one(string property, double value)
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("srv-1") with { Rated = Fixtures.Rated(("position_u", 1), ("size_u", 1)).Concat([new(property, value)]).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) }));

        Assert.Equal(("srv-1", TopologyErrorCodes.InvalidCapacity), Only(errors));
    }

    [Fact]
    public void A_non_finite_limit_is_invalid_capacity()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("srv-1") with
        {
            Limits = new Dictionary<string, MetricLimit> { ["inlet_temp_c"] = new(WarnAbove: double.NaN) },
        }));

        Assert.Equal(("srv-1", TopologyErrorCodes.InvalidCapacity), Only(errors));
    }

    [Theory]
    [InlineData(35.0, 32.0, null, null)]
    [InlineData(null, null, 5.0, 10.0)]
    [InlineData(27.0, null, 30.0, null)]
    public void Limits_in_an_order_that_cannot_be_met_are_invalid(double? warnAbove, double? criticalAbove, double? warnBelow, double? criticalBelow)
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("srv-1") with
        {
            Limits = new Dictionary<string, MetricLimit> { ["inlet_temp_c"] = new(warnAbove, criticalAbove, warnBelow, criticalBelow) },
        }));

        Assert.Equal(("srv-1", TopologyErrorCodes.Invalid), Only(errors));
    }

    [Fact]
    public void Negative_limits_in_a_sensible_order_are_fine()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("srv-1") with
        {
            Limits = new Dictionary<string, MetricLimit> { ["supply_temp_c"] = new(WarnAbove: 5, CriticalAbove: 10, WarnBelow: -5, CriticalBelow: -20) },
        }));

        Assert.Empty(errors);
    }

    [Fact]
    public void A_power_source_that_does_not_exist_is_an_invalid_relation()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("srv-1") with { PowerFeeds = [new PowerFeed("pdu-1", "A"), new PowerFeed("pdu-404", "B")] }));

        Assert.Equal(("srv-1", TopologyErrorCodes.InvalidRelation), Only(errors));
        Assert.Contains("'pdu-404'", errors[0].Message);
    }

    [Fact]
    public void A_power_source_that_is_not_a_pdu_or_ups_is_an_invalid_relation()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("srv-1") with { PowerFeeds = [new PowerFeed("crac-1", "A")] }));

        Assert.Equal(("srv-1", TopologyErrorCodes.InvalidRelation), Only(errors));
        Assert.Contains("is a crac", errors[0].Message);
    }

    [Fact]
    public void A_cooling_unit_that_is_not_a_crac_is_an_invalid_relation()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            site.With(site.Get("rack-1") with { CoolingUnits = ["crac-1", "pdu-1"] }));

        Assert.Equal(("rack-1", TopologyErrorCodes.InvalidRelation), Only(errors));
        Assert.Contains("'pdu-1' is a pdu", errors[0].Message);
    }

    [Fact]
    public void Two_racks_at_the_same_row_and_slot_of_a_room_collide()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site,
            site.Get("rack-1") with { Id = "rack-2", Position = new RackPosition("a", 1) },
            site.Get("rack-1") with { Id = "rack-3", Position = new RackPosition("A", 2) },
        ]);

        Assert.Equal(("rack-2", TopologyErrorCodes.Conflict), Only(errors));
        Assert.Contains("already taken by 'rack-1'", errors[0].Message);
    }

    [Fact]
    public void The_same_row_and_slot_in_different_rooms_do_not_collide()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site,
            new TwinSpec("room-2", TwinKind.Room, "dc-1"),
            site.Get("rack-1") with { Id = "rack-2", ParentId = "room-2" },
        ]);

        Assert.Empty(errors);
    }

    [Fact]
    public void Servers_whose_rack_units_overlap_conflict()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site,
            new TwinSpec("srv-2", TwinKind.Server, "rack-1", Rated: Fixtures.Rated(("position_u", 2), ("size_u", 1))),
            new TwinSpec("srv-3", TwinKind.Server, "rack-1", Rated: Fixtures.Rated(("position_u", 3), ("size_u", 2))),
        ]);

        Assert.Equal(("srv-2", TopologyErrorCodes.Conflict), Only(errors));
        Assert.Contains("overlaps 'srv-1'", errors[0].Message);
    }

    [Fact]
    public void A_server_beyond_the_rack_height_does_not_fit()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
            [.. site, new TwinSpec("srv-2", TwinKind.Server, "rack-1", Rated: Fixtures.Rated(("position_u", 42), ("size_u", 2)))]);

        Assert.Equal(("srv-2", TopologyErrorCodes.InvalidPlacement), Only(errors));
        Assert.Contains("42U", errors[0].Message);
    }

    [Fact]
    public void A_position_on_a_twin_that_does_not_stand_in_a_room_is_invalid()
    {
        var errors = Fixtures.ValidateSiteWith(site => site.With(site.Get("srv-1") with { Position = new RackPosition("A", 5) }));

        Assert.Equal(("srv-1", TopologyErrorCodes.Invalid), Only(errors));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var errors = Fixtures.ValidateSiteWith(site =>
        [
            .. site.With(site.Get("rack-1") with { Rated = null }),
            new TwinSpec("fan-1", TwinKind.Fan, "rack-1"),
            new TwinSpec("srv-2", TwinKind.Server, "rack-404"),
            new TwinSpec("srv-3", TwinKind.Server, "rack-1", PowerFeeds: [new PowerFeed("nowhere", "A")]),
        ]);

        Assert.Equal(
            [
                ("rack-1", TopologyErrorCodes.MissingCapacity),
                ("fan-1", TopologyErrorCodes.InvalidPlacement),
                ("srv-2", TopologyErrorCodes.UnknownParent),
                ("srv-3", TopologyErrorCodes.InvalidRelation),
            ],
            errors.Select(e => (e.ElementId, e.Code)));
    }
}
