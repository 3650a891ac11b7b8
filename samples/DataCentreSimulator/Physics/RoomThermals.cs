using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// The air of one room over one step. CRAC air reaches each rack by <see cref="AirDistribution"/> into its row's
/// cold aisle; each rack draws what its servers' fans pull. A rack whose share of cold air falls short of that draw
/// makes it up with warm air (recirculation): half its row's hot-aisle exhaust coming over and round the racks, half
/// the room's return air spilling in at the aisle ends; more at the top of the rack and at row ends. Exhaust mixes in the hot aisle; what is not breathed back rises to the room's return air, which
/// the CRACs take in; cold air no rack used bypasses straight to the return. The room air exchanges heat with the
/// structure. Mass is conserved at every node, so in a steady state the CRACs remove exactly the heat the IT makes.
/// </summary>
internal static class RoomThermals
{
    /// <summary>Air that leaks between aisles and room even with containment, kg/s per rack.</summary>
    private const double LeakPerRackKgS = 0.02;
    /// <summary>Exhaust a rack breathes back even when it has cold air to spare (gaps, cable cut-outs).</summary>
    private const double BaseRecirculation = 0.02, RowEndRecirculation = 0.06;
    /// <summary>Share of its own exhaust a server with a blocked air path breathes back.</summary>
    private const double BlockedSelfRecirculation = 0.35;
    /// <summary>Share of make-up air that is the row's own exhaust; the rest is the room's return air.</summary>
    private const double HotAisleMakeUp = 0.5;
    private const double SwitchAirRiseK = 15;

    public static void Step(Room room, double dt)
    {
        var cracFlows = room.Cracs.Select(c => c.AirflowM3S * Air.Density).ToArray();
        var roomInflow = 0.0;
        var roomInflowHeat = 0.0;

        foreach (var row in room.Rows)
        {
            var supply = 0.0;
            var supplyHeat = 0.0;
            var demand = 0.0;
            var breathedBack = 0.0;
            var supplyUsed = 0.0;
            var exhaustHeat = 0.0;
            var leak = LeakPerRackKgS * Math.Max(1, row.Racks.Count);

            foreach (var rack in row.Racks)
            {
                foreach (var server in rack.Servers) ServerThermals.Breathe(server, dt);
                var switchPower = rack.Switches.Sum(s => s.PowerW);
                var switchFlow = switchPower / (Air.SpecificHeat * SwitchAirRiseK);
                rack.DemandKgS = rack.Servers.Sum(s => s.AirflowKgS) + switchFlow;
                rack.SupplyKgS = 0;
                for (var c = 0; c < cracFlows.Length; c++)
                {
                    var flow = cracFlows[c] * rack.SupplyShare[c];
                    rack.SupplyKgS += flow;
                    supplyHeat += flow * room.Cracs[c].SupplyC;
                }
                supply += rack.SupplyKgS;
                var shortfall = rack.DemandKgS > 0 ? Math.Max(0, rack.DemandKgS - rack.SupplyKgS) / rack.DemandKgS : 0;
                rack.Recirculation = Math.Min(0.95, shortfall + (rack.AtRowEnd ? RowEndRecirculation : BaseRecirculation));

                foreach (var server in rack.Servers)
                {
                    // Exhaust coming back rises: the top of the rack breathes twice the rack's average share, the bottom none.
                    var share = Math.Min(0.97, rack.Recirculation * 2 * server.Height);
                    var warm = HotAisleMakeUp * row.HotAisleC + (1 - HotAisleMakeUp) * room.AirC;
                    var inlet = (1 - share) * row.ColdAisleC + share * warm;
                    if (server.AirflowBlocked) inlet = (1 - BlockedSelfRecirculation) * inlet + BlockedSelfRecirculation * server.OutletC;
                    server.Recirculation = share;
                    ServerThermals.Heat(server, inlet, dt);
                    breathedBack += HotAisleMakeUp * share * server.AirflowKgS;
                    supplyUsed += (1 - share) * server.AirflowKgS;
                    exhaustHeat += server.AirflowKgS * server.OutletC;
                }
                breathedBack += HotAisleMakeUp * rack.Recirculation * switchFlow;
                supplyUsed += (1 - rack.Recirculation) * switchFlow;
                exhaustHeat += switchFlow * (row.ColdAisleC + SwitchAirRiseK);
                demand += rack.DemandKgS;
            }

            // Cold aisle: fed by the CRACs' shares, plus the leak of room air.
            var coldIn = supply + leak;
            row.ColdAisleC = Air.Relax(row.ColdAisleC, (supplyHeat + leak * room.AirC) / coldIn,
                Air.HeatCapacity(row.AisleVolumeM3), coldIn * Air.SpecificHeat, dt);
            // Hot aisle: fed by every server's exhaust, plus the leak.
            var hotIn = demand + leak;
            row.HotAisleC = Air.Relax(row.HotAisleC, (exhaustHeat + leak * room.AirC) / hotIn,
                Air.HeatCapacity(row.AisleVolumeM3), hotIn * Air.SpecificHeat, dt);

            // To the return air: exhaust not breathed back, and cold air no rack used (each with its share of the leak).
            var rising = Math.Max(0, demand + leak - breathedBack);
            var bypass = Math.Max(0, supply + leak - supplyUsed);
            roomInflow += rising + bypass;
            roomInflowHeat += rising * row.HotAisleC + bypass * row.ColdAisleC;
        }

        var conductance = roomInflow * Air.SpecificHeat + room.StructureConductance;
        var equilibrium = (roomInflowHeat * Air.SpecificHeat + room.StructureConductance * room.StructureC) / conductance;
        room.AirC = Air.Relax(room.AirC, equilibrium, Air.HeatCapacity(room.VolumeM3), conductance, dt);
        room.StructureC = Air.Relax(room.StructureC, room.AirC, room.StructureCapacity, room.StructureConductance, dt);

        foreach (var crac in room.Cracs) CracPhysics.Step(crac, room.AirC, dt);
    }
}
