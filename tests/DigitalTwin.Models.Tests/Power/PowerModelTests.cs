using DigitalTwin.Models.Power;

namespace DigitalTwin.Models.Tests.Power;

public class PowerModelTests
{
    /// <summary>One UPS feeding an A and a B PDU per rack, racks drawing on both.</summary>
    private static PowerNetwork OneUps(int racks = 3, double rackW = 8000, double pduW = 22000, double upsW = 100000) => new(
        [
            new PowerNode("ups-a", PowerNodeKind.Ups, upsW, [], BatteryRuntimeS: 600),
            .. Enumerable.Range(1, racks).SelectMany(r => new[]
            {
                new PowerNode($"pdu-{r}-a", PowerNodeKind.Pdu, pduW, [new PowerLink("ups-a", "A")]),
                new PowerNode($"pdu-{r}-b", PowerNodeKind.Pdu, pduW, [new PowerLink("ups-a", "B")]),
            }),
        ],
        [.. Enumerable.Range(1, racks).Select(r => new PowerLoad($"rack-{r}", rackW, [new PowerLink($"pdu-{r}-a", "A"), new PowerLink($"pdu-{r}-b", "B")]))]);

    [Fact]
    public void A_rack_fed_on_a_and_b_shares_its_load_and_the_ups_carries_all()
    {
        var state = new PowerModel(OneUps()).Evaluate();

        Assert.All(state.Nodes.Where(n => n.Id.StartsWith("pdu")), n => Assert.Equal(4000, n.LoadW, 6));
        Assert.Equal(24000, state.Nodes.Single(n => n.Id == "ups-a").LoadW, 6);
        Assert.Equal(76000, state.Nodes.Single(n => n.Id == "ups-a").HeadroomW, 6);
        Assert.Empty(state.LostLoads);
        Assert.Empty(state.LoadsWithoutRedundancy);
        Assert.Equal((12000, 66000), state.ByPath["A"]);
    }

    [Fact]
    public void Losing_one_pdu_moves_its_rack_onto_the_other_path_without_redundancy()
    {
        var state = new PowerModel(OneUps()).Evaluate(PowerOutage.Node("pdu-1-a"));

        Assert.Empty(state.LostLoads);
        Assert.Equal(["rack-1"], state.LoadsWithoutRedundancy);
        Assert.Equal(8000, state.Nodes.Single(n => n.Id == "pdu-1-b").LoadW, 6);
        Assert.Equal(24000, state.Nodes.Single(n => n.Id == "ups-a").LoadW, 6);
    }

    [Fact]
    public void Losing_a_whole_path_leaves_every_rack_on_the_other()
    {
        var state = new PowerModel(OneUps()).Evaluate(PowerOutage.Path("A"));

        Assert.Empty(state.LostLoads);
        Assert.Equal(3, state.LoadsWithoutRedundancy.Count);
        Assert.All(state.Nodes.Where(n => n.Id.EndsWith("-a") && n.Id.StartsWith("pdu")), n => Assert.False(n.Live));
        Assert.All(state.Nodes.Where(n => n.Id.EndsWith("-b")), n => Assert.Equal(8000, n.LoadW, 6));
    }

    [Fact]
    public void A_ups_that_loses_its_input_runs_on_battery_longer_at_lighter_load()
    {
        var state = new PowerModel(OneUps()).Evaluate(new PowerOutage([], [], ["ups-a"]));

        var ups = state.Nodes.Single(n => n.Id == "ups-a");
        Assert.True(ups.OnBattery);
        Assert.Empty(state.LostLoads);
        Assert.Equal(600 * 100000 / 24000.0, ups.BatteryRemainingS!.Value, 6);
        Assert.Equal(ups.BatteryRemainingS, state.FirstBatteryExhaustedS);
    }

    [Fact]
    public void A_single_ups_is_n_not_n_plus_one_and_the_report_names_it()
    {
        var report = new PowerModel(OneUps()).Redundancy();

        Assert.False(report.NPlusOne);
        var critical = Assert.Single(report.Critical);
        Assert.Equal("ups-a", critical.Outage.FailedNodes.Single());
        Assert.Equal(3, critical.LostLoads.Count);
    }

    [Fact]
    public void Two_upss_on_separate_paths_with_room_to_spare_are_n_plus_one()
    {
        var network = new PowerNetwork(
            [
                new PowerNode("ups-1", PowerNodeKind.Ups, 50000, [], 600),
                new PowerNode("ups-2", PowerNodeKind.Ups, 50000, [], 600),
                new PowerNode("pdu-a", PowerNodeKind.Pdu, 30000, [new PowerLink("ups-1", "A")]),
                new PowerNode("pdu-b", PowerNodeKind.Pdu, 30000, [new PowerLink("ups-2", "B")]),
            ],
            [new PowerLoad("rack-1", 10000, [new PowerLink("pdu-a", "A"), new PowerLink("pdu-b", "B")]),
             new PowerLoad("rack-2", 10000, [new PowerLink("pdu-a", "A"), new PowerLink("pdu-b", "B")])]);

        Assert.True(new PowerModel(network).Redundancy().NPlusOne);
        // The same racks at 16 kW each overflow one PDU when the other is lost: N only.
        var heavy = network with { Loads = [.. network.Loads.Select(l => l with { PowerW = 16000 })] };
        var report = new PowerModel(heavy).Redundancy();
        Assert.False(report.NPlusOne);
        Assert.Contains(report.Critical, c => c.OverloadedNodes.Contains("pdu-b"));
        Assert.All(report.Contingencies, c => Assert.Empty(c.LostLoads));
    }

    [Fact]
    public void A_chain_with_an_unknown_source_or_a_loop_is_refused()
    {
        Assert.Contains("no such UPS or PDU", Assert.Throws<ArgumentException>(() =>
            new PowerModel(new PowerNetwork([], [new PowerLoad("r", 1, [new PowerLink("pdu-x", "A")])]))).Message);
        Assert.Contains("loop", Assert.Throws<ArgumentException>(() => new PowerModel(new PowerNetwork(
            [new PowerNode("p1", PowerNodeKind.Pdu, 1, [new PowerLink("p2", "A")]), new PowerNode("p2", PowerNodeKind.Pdu, 1, [new PowerLink("p1", "A")])], []))).Message);
    }
}
