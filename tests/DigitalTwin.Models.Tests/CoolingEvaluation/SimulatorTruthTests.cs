using DigitalTwin.Evaluation.Cooling;

namespace DigitalTwin.Models.Tests.CoolingEvaluation;

public sealed class SimulatorTruthTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    private static string Racks(int minute, double coolingW, double inletA, double inletB) =>
        $$$"""{"type":"racks","ts":"2026-11-24T10:{{{minute:00}}}:00+00:00","itPowerW":10000,"coolingLoadW":9800,"coolingPowerW":{{{coolingW}}},"racks":{"r1":{"maxInletC":{{{inletA}}},"meanInletC":20,"powerW":5000},"r2":{"maxInletC":{{{inletB}}},"meanInletC":20,"powerW":5000}},"cracs":{}}""";

    private static string Limit(int minute, string rack, string level, string from) =>
        $$$"""{"type":"limit","ts":"2026-11-24T10:{{{minute:00}}}:30+00:00","rack":"{{{rack}}}","level":"{{{level}}}","from":"{{{from}}}","maxInletC":27.5,"limitC":27}""";

    [Fact]
    public void Energy_inlets_and_crossings_are_counted_over_the_period_asked()
    {
        File.WriteAllLines(_path,
        [
            """{"type":"start","ts":"2026-11-24T10:00:00+00:00","seed":1}""",
            Racks(0, 6000, 21, 22), Racks(10, 6000, 21, 22),
            """{"type":"fault_start","ts":"2026-11-24T10:15:00+00:00","id":"f1","kind":"crac_failure","target":"crac-a1","start":"2026-11-24T10:15:00+00:00"}""",
            Racks(20, 3000, 26, 27.5), Limit(20, "r2", "warning", "ok"),
            Racks(30, 3000, 25, 26), Limit(30, "r2", "ok", "warning"), Racks(40, 3000, 33, 24), Limit(40, "r1", "critical", "ok"), Racks(50, 3000, 22, 22),
            """{"type":"racks","ts":"2026-11-24T10:5""",
        ]);
        var truth = SimulatorTruth.Read(_path);
        var start = DateTimeOffset.Parse("2026-11-24T10:00:00Z");
        DateTimeOffset At(int minute) => start.AddMinutes(minute);

        Assert.Equal(6, truth.Samples.Count);
        Assert.Equal(new FaultStart(At(15), "crac_failure", "crac-a1"), Assert.Single(truth.Faults));
        // 6 kW for 20 minutes, then 3 kW for 10: 2 + 0.5 kWh; a window inside one sample counts its share.
        Assert.Equal(2.5, truth.CoolingEnergyKwh(At(0), At(30)), 9);
        Assert.Equal(0.25, truth.CoolingEnergyKwh(At(25), At(30)), 9);
        Assert.Equal(10000 * 0.5 / 1000, truth.ItEnergyKwh(At(0), At(30)), 9);
        Assert.Equal(27.5, truth.MaxInletC(At(0), At(30)));
        Assert.Equal(33, truth.MaxInletC(At(0), At(60)));
        Assert.Equal(1, truth.Violations(At(0), At(30)));
        Assert.Equal(2, truth.Violations(At(0), At(60)));
        Assert.Equal(1, truth.CriticalCrossings(At(0), At(60)));
        Assert.Throws<InvalidOperationException>(() => truth.CoolingEnergyKwh(At(0), At(70)));
    }
}
