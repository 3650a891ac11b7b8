using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>Telemetry made by running the model itself with known parameters, load swings and sensor noise.</summary>
internal static class SyntheticHistory
{
    public static ThermalHistory Record(ThermalRoom room, ThermalParameters truth, double hours, int seed, double noiseC = 0.1,
        double swingEveryS = 300, double huntK = 0, bool sharedAisles = false, IReadOnlyList<UnitOutage>? outages = null)
    {
        var random = new Random(seed);
        var perturbations = new List<ThermalPerturbation>();
        outages ??= [];
        foreach (var outage in outages)
        {
            perturbations.Add(new CracFailure(outage.FromS, outage.CracId));
            perturbations.Add(new CracRestart(outage.ToS, outage.CracId));
        }
        // Each unit's supply hunts around its setpoint on a period of its own (control cycling), when asked.
        if (huntK > 0)
            foreach (var (crac, index) in room.Cracs.Select((c, i) => (c, i)))
            {
                var period = 420 + 330 * index;
                for (var t = 60.0; t < hours * 3600; t += 60)
                    perturbations.Add(new CracSetpointChange(t, crac.Id, crac.SetpointC + huntK * Math.Sin(2 * Math.PI * t / period)));
            }
        var power = room.Racks.ToDictionary(r => r.Id, r => new List<(double At, double W)> { (0, r.ItPowerW) });
        for (var t = swingEveryS; t < hours * 3600; t += swingEveryS)
        {
            var common = 0.7 + 0.6 * random.NextDouble();
            foreach (var rack in room.Racks)
            {
                var w = rack.ItPowerW * common * (0.9 + 0.2 * random.NextDouble());
                perturbations.Add(new RackPowerChange(t, rack.Id, w));
                power[rack.Id].Add((t, w));
            }
        }
        var run = new RoomThermalModel(room, truth).Simulate(perturbations, hours * 3600, 10);
        if (sharedAisles) run = ShareAisles(room, run);
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var builder = new ThermalHistoryBuilder(TimeSpan.FromSeconds(10));
        double Noise() => noiseC * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2;
        for (var k = 0; k < run.TimesS.Count; k++)
        {
            var at = start.AddSeconds(run.TimesS[k]);
            foreach (var rack in run.Racks)
            {
                var offset = truth.Racks[rack.Id].InletOffsetK;
                var watts = power[rack.Id].Last(p => p.At <= run.TimesS[k] + 1e-9).W;
                // Two servers: the hottest reads the rack's inlet, the other as far below the rack's mean air.
                builder.AddServerReading(rack.Id, rack.Id + "-top", "inlet_temp_c", at, rack.InletC[k] + Noise());
                builder.AddServerReading(rack.Id, rack.Id + "-bottom", "inlet_temp_c", at, 2 * rack.MeanInletC![k] - rack.InletC[k] + Noise());
                builder.AddServerReading(rack.Id, rack.Id + "-top", "outlet_temp_c", at, rack.ExhaustC[k] + offset + Noise());
                builder.AddServerReading(rack.Id, rack.Id + "-bottom", "outlet_temp_c", at, rack.ExhaustC[k] - offset + Noise());
                builder.AddServerReading(rack.Id, rack.Id + "-top", "power_w", at, watts / 2);
                builder.AddServerReading(rack.Id, rack.Id + "-bottom", "power_w", at, watts / 2);
            }
            foreach (var crac in run.Cracs)
            {
                var rated = room.Cracs.Single(c => c.Id == crac.Id);
                var t = run.TimesS[k];
                var stopped = outages.Any(o => o.CracId == crac.Id && t >= o.FromS && t < o.ToS);
                var supply = crac.SupplyC[k];
                // A real unit's supply sensor reads the room's air while it is stopped and for a while after a restart,
                // as its coil cools again: a reading that does not describe the air its racks get.
                if (outages.FirstOrDefault(o => o.CracId == crac.Id && t >= o.ToS && t < o.ToS + o.SupplyRecoveryS) is { } back)
                    supply = run.ReturnC[k] + (supply - run.ReturnC[k]) * (t - back.ToS) / back.SupplyRecoveryS;
                if (stopped) supply = run.ReturnC[k];
                builder.AddCracReading(crac.Id, "supply_temp_c", at, supply + Noise());
                builder.AddCracReading(crac.Id, "return_temp_c", at, run.ReturnC[k] + Noise());
                builder.AddCracReading(crac.Id, "setpoint_c", at, rated.SetpointC);
                builder.AddCracReading(crac.Id, "fan_pct", at, stopped ? 0 : rated.FanPct);
                builder.AddCracReading(crac.Id, "airflow_m3_s", at, stopped ? 0 : rated.AirflowM3PerS * rated.FanPct / 100);
                builder.AddCracReading(crac.Id, "cooling_load_w", at, crac.CoolingLoadW[k]);
                builder.AddCracReading(crac.Id, "power_w", at, crac.PowerW[k]);
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// The run as a room whose rows each breathe one cold aisle: every rack's inlet moves with its row's mean (keeping
    /// its own steady offset from it), so the units' swings reach all of a row's racks alike.
    /// </summary>
    private static ThermalSimulation ShareAisles(ThermalRoom room, ThermalSimulation run)
    {
        var rowOf = room.Racks.ToDictionary(r => r.Id, r => Math.Round(r.Position!.Y, 1));
        var racks = run.Racks.Select(rack =>
        {
            var row = run.Racks.Where(r => rowOf[r.Id] == rowOf[rack.Id]).ToList();
            double[] Aisle(Func<RackInletSeries, IReadOnlyList<double>> series)
            {
                var mean = Enumerable.Range(0, run.TimesS.Count).Select(k => row.Average(r => series(r)[k])).ToArray();
                var offset = series(rack).Average() - mean.Average();
                return [.. mean.Select(m => m + offset)];
            }
            return rack with { InletC = Aisle(r => r.InletC), MeanInletC = Aisle(r => r.MeanInletC!) };
        }).ToList();
        return run with { Racks = racks };
    }
}

/// <summary>A CRAC stopped from <paramref name="FromS"/> to <paramref name="ToS"/> (seconds into the history); after
/// the restart its supply sensor takes <paramref name="SupplyRecoveryS"/> to read its coil's air again.</summary>
internal sealed record UnitOutage(string CracId, double FromS, double ToS, double SupplyRecoveryS = 90);
