using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Scenarios.Tests.Support;
using static DigitalTwin.Scenarios.Tests.Support.ScenarioRuns;

namespace DigitalTwin.Scenarios.Tests;

[Collection(ScenariosCollection.Name)]
public sealed class Perturbations_move_the_answer_the_right_way(SqliteTwinCluster cluster) : IAsyncLifetime
{
    private readonly ScenarioHall _hall = new();
    private ScenarioAnswer _baseline = null!;

    private IGrainFactory Grains => cluster.Client;

    public async Task InitializeAsync()
    {
        await _hall.ImportAndFeedAsync(Grains);
        _baseline = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_unperturbed_hall_stays_at_its_readings_and_within_limits()
    {
        Assert.Null(_baseline.FirstLimitS);
        Assert.Equal(ScenarioHall.Racks, _baseline.Racks.Count);
        Assert.All(_baseline.Racks, r => Assert.InRange(r.PeakInletC, 21.5, 22.5));
        Assert.All(_baseline.Racks, r => Assert.Equal(361, r.Series.Count));
        Assert.True(_baseline.Redundancy.Holds);
        Assert.Null(_baseline.Mitigation);
        Assert.Contains(_baseline.Calibration.Calibrated, c => c.Contains("rack.inlet_offset"));
        Assert.Contains(_baseline.Calibration.Defaulted, c => c.Contains("room.heat_capacity"));
        Assert.Empty(_baseline.AffectedServers);
    }

    [Fact]
    public async Task A_failed_crac_heats_racks_to_their_limit_and_a_checked_mitigation_helps()
    {
        var answer = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Fail: [_hall.Crac(1)]));

        Assert.True(answer.FirstLimitS is not null, System.Text.Json.JsonSerializer.Serialize(answer with { Racks = [.. answer.Racks.Select(r => r with { Series = [] })] }));
        Assert.Equal(_hall.Rack(1), answer.FirstRackId);
        Assert.True(answer.Rack(_hall.Rack(1)).TimeToLimitS <= (answer.Rack(_hall.Rack(4)).TimeToLimitS ?? double.MaxValue),
            "the rack beside the failed CRAC crosses first");
        Assert.True(answer.Peak() > _baseline.Peak() + 5);
        Assert.Equal(answer.Peak() - _baseline.Peak(), answer.Baseline.PeakInletDeltaC, 1);
        Assert.False(Assert.Single(answer.Cooling).Adequate);
        Assert.Contains(answer.AffectedServers, s => s.Id == _hall.Server(1, 1) && s.Reason == "inlet_limit");
        var web = Assert.Single(answer.Services, s => s.Id == _hall.Web);
        Assert.True(web.Down);
        Assert.Equal(ScenarioHall.ServersPerRack, web.ServersTotal);
        Assert.Contains(_hall.Web, answer.Drill.ServicesDown);
        var mitigation = Assert.IsType<MitigationOutcome>(answer.Mitigation);
        Assert.True(mitigation.Checked);
        Assert.True(mitigation.Resolves || mitigation.FirstLimitS > answer.FirstLimitS, mitigation.Action);
        Assert.True(answer.Drill.RecoveryS > 0);
        Assert.Contains(_hall.Crac(1), answer.Drill.FailedAssets);
    }

    [Fact]
    public async Task An_added_rack_adds_its_load_and_heat()
    {
        var answer = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre,
            AddRacks: [new AddedRack($"{_hall.P}-new", _hall.Room, "A", 5, 8000)]));

        Assert.Equal(8000, answer.Baseline.ItPowerDeltaW, 1);
        Assert.Equal(8000, answer.Rack($"{_hall.P}-new").ItPowerW, 1);
        Assert.True(answer.Rack(_hall.Rack(4)).PeakInletC > _baseline.Rack(_hall.Rack(4)).PeakInletC);
        Assert.True(answer.Feed(_hall.Ups('a')).LoadW > _baseline.Feed(_hall.Ups('a')).LoadW);
    }

    [Fact]
    public async Task More_workload_is_hotter_and_less_is_cooler()
    {
        var more = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Loads: [new LoadChange([_hall.Rack(1), _hall.Rack(2)], 1.6)]));
        var less = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Loads: [new LoadChange([_hall.Server(1, 1)], 0.5)]));

        Assert.True(more.Peak() > _baseline.Peak());
        Assert.Equal(2 * 3 * 2000 * 0.6, more.Baseline.ItPowerDeltaW, 1);
        Assert.True(more.Feed(_hall.Pdu(1, 'a')).LoadW > _baseline.Feed(_hall.Pdu(1, 'a')).LoadW);
        Assert.Equal(-1000, less.Baseline.ItPowerDeltaW, 1);
        Assert.True(less.Rack(_hall.Rack(1)).PeakInletC <= _baseline.Rack(_hall.Rack(1)).PeakInletC);
    }

    [Fact]
    public async Task A_lower_setpoint_cools_and_a_slower_fan_warms()
    {
        var colder = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Cracs: [new CracSetting(_hall.Crac(1), SetpointC: 15), new CracSetting(_hall.Crac(2), SetpointC: 15)]));
        var slower = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Cracs: [new CracSetting(_hall.Crac(1), FanPct: 30), new CracSetting(_hall.Crac(2), FanPct: 30)]));

        Assert.True(colder.Settled() < _baseline.Settled() - 1);
        Assert.True(slower.Peak() > _baseline.Peak() + 1);
    }

    [Fact]
    public async Task A_failed_pdu_or_path_moves_load_to_the_other_path_and_breaks_redundancy()
    {
        var pdu = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Fail: [_hall.Pdu(2, 'a')]));
        var path = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, FailPaths: ["A"]));
        var ups = await AnswerAsync(Grains, new ScenarioRequest(_hall.DataCentre, Fail: [_hall.Ups('b')]));

        Assert.True(pdu.Feed(_hall.Pdu(2, 'a')).Failed);
        Assert.Equal(2 * _baseline.Feed(_hall.Pdu(2, 'b')).LoadW, pdu.Feed(_hall.Pdu(2, 'b')).LoadW, 1);
        Assert.False(pdu.Redundancy.Holds);
        Assert.Equal(ScenarioHall.ServersPerRack, pdu.Redundancy.ServersOnOnePath);
        Assert.Equal(ScenarioHall.ServersPerRack, pdu.Drill.OnRedundantPath.Count);
        Assert.Empty(pdu.AffectedServers);
        Assert.Equal(12, path.Redundancy.ServersOnOnePath);
        Assert.Equal(0, path.Feed(_hall.Ups('a')).LoadW);
        Assert.Equal(24_000, path.Feed(_hall.Ups('b')).LoadW, 1);
        Assert.All(Enumerable.Range(1, 4), r => Assert.True(ups.Feed(_hall.Pdu(r, 'b')).Failed, "a PDU fed only by the failed UPS fails with it"));
        Assert.Equal(12, ups.Drill.OnRedundantPath.Count);
    }
}
