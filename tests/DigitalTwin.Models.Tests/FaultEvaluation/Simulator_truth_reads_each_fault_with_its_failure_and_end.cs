using DigitalTwin.Evaluation.Cooling;

namespace DigitalTwin.Models.Tests.FaultEvaluation;

public sealed class Simulator_truth_reads_each_fault_with_its_failure_and_end : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Degradations_carry_their_failure_instant_and_sudden_faults_their_end()
    {
        File.WriteAllLines(_path,
        [
            """{"type":"start","ts":"2026-11-24T00:00:00+00:00","seed":3}""",
            """{"type":"fault_start","ts":"2026-11-24T06:00:00+00:00","id":"f-0001","kind":"fan_failure","target":"srv-1-fan1","start":"2026-11-24T06:00:00+00:00","failAt":"2026-11-27T06:00:00+00:00","rampS":259200}""",
            """{"type":"fault_start","ts":"2026-11-24T07:00:00+00:00","id":"f-0002","kind":"stuck_sensor","target":"srv-2","start":"2026-11-24T07:00:00+00:00","metric":"inlet_temp_c","plannedEnd":"2026-11-24T08:00:00+00:00"}""",
            """{"type":"fault_end","ts":"2026-11-24T08:00:00+00:00","id":"f-0002","kind":"stuck_sensor","target":"srv-2","start":"2026-11-24T07:00:00+00:00"}""",
            """{"type":"failure","ts":"2026-11-27T06:00:00+00:00","id":"f-0001","kind":"fan_failure","target":"srv-1-fan1","start":"2026-11-24T06:00:00+00:00"}""",
        ]);

        var faults = SimulatorTruth.Read(_path).Injected;

        Assert.Equal(2, faults.Count);
        Assert.True(faults[0].IsDegradation);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T06:00:00Z"), faults[0].FailAt);
        Assert.Null(faults[0].End);
        Assert.False(faults[1].IsDegradation);
        Assert.Equal("inlet_temp_c", faults[1].Metric);
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T08:00:00Z"), faults[1].End);
    }
}
