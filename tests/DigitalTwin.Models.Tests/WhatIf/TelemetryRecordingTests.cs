using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Models.Tests.WhatIf;

public class TelemetryRecordingTests
{
    [Fact]
    public void Every_documented_payload_form_is_read_and_other_lines_are_counted_as_skipped()
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path,
        [
            """{"ts": 1795514400, "topic": "dt/telemetry/srv-1", "payload": {"ts": "2026-11-24T10:00:00Z", "readings": {"inlet_temp_c": 24.1, "power_w": 412}}}""",
            """{"ts": 1795514400, "topic": "dt/telemetry", "payload": {"ts": 1795514400, "twins": {"srv-1": {"power_w": 400}, "crac-1": {"supply_temp_c": 18.2}}}}""",
            """{"ts": 1795514400000, "topic": "dt/telemetry", "payload": [{"twin": "srv-2", "readings": {"outlet_temp_c": 35}}]}""",
            """{"ts": 1795514400, "topic": "dt/commands/crac-1/ack", "payload": {"commandId": "x", "success": true}}""",
            """not json""",
        ]);
        try
        {
            var readings = TelemetryRecording.Read(path, out var skipped);

            Assert.Equal(2, skipped);
            Assert.Equal(5, readings.Count);
            Assert.Contains(readings, r => r is { TwinId: "srv-1", Metric: "inlet_temp_c", Value: 24.1 } && r.At == new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
            Assert.Contains(readings, r => r is { TwinId: "crac-1", Metric: "supply_temp_c" } && r.At == DateTimeOffset.FromUnixTimeSeconds(1795514400));
            Assert.Contains(readings, r => r is { TwinId: "srv-2", Metric: "outlet_temp_c" } && r.At == DateTimeOffset.FromUnixTimeSeconds(1795514400));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
