using DigitalTwin.Evaluation.WhatIf;
using DigitalTwin.Topology;

namespace DigitalTwin.Models.Tests.WhatIf;

public class TopologyThermalLayoutTests
{
    [Fact]
    public void A_room_reads_as_racks_with_servers_limits_and_positions_and_cracs_with_ratings()
    {
        var document = TopologyFile.Parse("""
            twins:
              - { id: dc, kind: datacentre }
              - { id: room-1, kind: room, parent: dc, rated: { volume_m3: 420, row_pitch_m: 4 } }
              - { id: crac-1, kind: crac, parent: room-1, position: { row: B, slot: 1 }, rated: { cooling_capacity_w: 50000, airflow_m3_s: 5, fan_power_w: 3000 } }
              - { id: rack-1, kind: rack, parent: room-1, position: { row: a, slot: 3 }, rated: { power_budget_w: 10000 }, cooling: [crac-1] }
              - { id: srv-1, kind: server, parent: rack-1, rated: { nameplate_power_w: 500 }, limits: { inlet_temp_c: { criticalAbove: 30 } } }
              - { id: srv-2, kind: server, parent: rack-1, rated: { nameplate_power_w: 700 }, limits: { inlet_temp_c: { criticalAbove: 32 } } }
              - { id: rack-2, kind: rack, parent: room-1, rated: { power_budget_w: 10000 } }
            """).Document!;

        var room = Assert.Single(TopologyThermalLayout.Build(document.Twins));

        Assert.Equal(420, room.VolumeM3);
        var rack = room.Racks.Single(r => r.Id == "rack-1");
        Assert.Equal(["srv-1", "srv-2"], rack.ServerIds);
        Assert.Equal(1200, rack.NameplatePowerW);
        Assert.Equal(30, rack.InletLimitC);
        Assert.Equal(new Models.Thermal.FloorPoint(1.5, 0), rack.Position);
        Assert.Equal(32, room.Racks.Single(r => r.Id == "rack-2").InletLimitC);
        var crac = Assert.Single(room.Cracs);
        Assert.Equal(new Models.Thermal.FloorPoint(0.3, 4), crac.Position);
        Assert.Equal((50000, 5, 3000), (crac.CoolingCapacityW, crac.AirflowM3PerS, crac.FanPowerW));
        Assert.Equal("rack-1", room.ServerRacks["srv-2"]);
    }
}
