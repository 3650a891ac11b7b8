using DigitalTwin.Evaluation.WhatIf;
using DigitalTwin.Topology;

namespace DigitalTwin.Models.Tests.WhatIf;

/// <summary>A room of one rack of one server between two CRACs, and its readings while nothing happens.</summary>
internal static class OneRackRoom
{
    /// <summary>The room's thermal layout; the server's inlet limit is 32 °C.</summary>
    public static RoomLayout Layout() => Assert.Single(TopologyThermalLayout.Build(TopologyFile.Parse("""
        twins:
          - { id: dc, kind: datacentre }
          - { id: room-1, kind: room, parent: dc, rated: { volume_m3: 200 } }
          - { id: crac-1, kind: crac, parent: room-1, position: { row: B, slot: 1 }, rated: { cooling_capacity_w: 50000, airflow_m3_s: 4 } }
          - { id: crac-2, kind: crac, parent: room-1, position: { row: B, slot: 4 }, rated: { cooling_capacity_w: 50000, airflow_m3_s: 4 } }
          - { id: rack-1, kind: rack, parent: room-1, position: { row: A, slot: 1 }, cooling: [crac-1, crac-2] }
          - { id: srv-1, kind: server, parent: rack-1, limits: { inlet_temp_c: { criticalAbove: 32 } } }
        """).Document!.Twins));

    /// <summary>Adds one round of readings of the quiet room at <paramref name="at"/>.</summary>
    public static void Steady(List<TelemetryReading> readings, DateTimeOffset at)
    {
        readings.Add(new(at, "srv-1", "inlet_temp_c", 22));
        readings.Add(new(at, "srv-1", "outlet_temp_c", 34));
        readings.Add(new(at, "srv-1", "power_w", 3000));
        foreach (var crac in new[] { "crac-1", "crac-2" })
        {
            readings.Add(new(at, crac, "supply_temp_c", 18));
            readings.Add(new(at, crac, "return_temp_c", 28));
            readings.Add(new(at, crac, "setpoint_c", 18));
            readings.Add(new(at, crac, "fan_pct", 60));
        }
    }
}
