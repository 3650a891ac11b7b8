using System.Globalization;
using DigitalTwin.Evaluation.WhatIf;
using DigitalTwin.Topology;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval whatif --recording</c>: judges the thermal model against telemetry recorded from any data centre or
/// simulator (one JSON line per published message) around a CRAC failure at a known time, with no silo and no
/// simulator running. The model is calibrated on the telemetry before the failure, exactly as the twin's scenarios do,
/// and compared with the racks' hottest recorded inlets after it.
/// </summary>
internal static class EvalWhatIfRecording
{
    public static int Run(string recordingPath, string topologyPath, string cracId, DateTimeOffset faultAt, double horizonS, double stepS,
        TimeSpan? calibrationWindow, TimeSpan calibrationBin, string? seriesRack)
    {
        var parsed = TopologyFile.Load(topologyPath);
        if (!parsed.IsComplete)
        {
            Console.Error.WriteLine($"dt eval whatif: {topologyPath}: {string.Join("; ", parsed.Errors.Select(e => e.ToString()))}");
            return 2;
        }
        var layout = TopologyThermalLayout.Build(parsed.Document!.Twins).FirstOrDefault(l => l.Cracs.Any(c => c.Id == cracId));
        if (layout is null)
        {
            Console.Error.WriteLine($"dt eval whatif: --fail {cracId}: no such CRAC in {topologyPath}");
            return 2;
        }
        var twins = layout.ServerRacks.Keys.Concat(layout.EquipmentRacks.Keys).Concat(layout.Cracs.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        var readings = TelemetryRecording.Read(recordingPath, out var skipped, twins.Contains);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: {readings.Count} readings of {layout.RoomId} from {recordingPath} ({skipped} lines skipped); {cracId} fails at {faultAt:O}"));
        var comparison = WhatIfEvaluation.Compare(layout, readings, faultAt, cracId, horizonS, stepS,
            calibrationWindow: calibrationWindow, calibrationBin: calibrationBin);
        foreach (var rack in comparison.Racks.OrderBy(r => r.ActualS ?? double.MaxValue).ThenByDescending(r => r.ActualPeakC).Take(8))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eval:   {rack.Id}: to limit predicted {Seconds(rack.PredictedS)} s, actual {Seconds(rack.ActualS)} s; peak predicted {rack.PredictedPeakC:F1} °C, actual {rack.ActualPeakC:F1} °C; inlet MAE {rack.MaeC:F2} °C"));
        }
        foreach (var source in comparison.Calibration)
            Console.Error.WriteLine($"eval:   {(source.Calibrated ? "calibrated" : "default")} {source.Parameter}: {source.Basis}");
        if (seriesRack is not null) PrintSeries(comparison, seriesRack, stepS);
        Console.WriteLine(comparison.ToLine());
        return 0;
    }

    /// <summary>One line a step: seconds after the failure, predicted and recorded inlet of the rack asked for.</summary>
    private static void PrintSeries(WhatIfComparison comparison, string rackId, double stepS)
    {
        var rack = rackId == "first"
            ? comparison.Racks.OrderBy(r => r.ActualS ?? double.MaxValue).ThenByDescending(r => r.ActualPeakC).FirstOrDefault()
            : comparison.Racks.FirstOrDefault(r => r.Id == rackId);
        if (rack is null)
        {
            Console.Error.WriteLine($"eval: --series {rackId}: no such rack in {comparison.RoomId}");
            return;
        }
        Console.Error.WriteLine($"eval: series {rack.Id} (s, predicted °C, recorded °C)");
        for (var k = 0; k < rack.PredictedC.Count; k++)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eval:   {k * stepS:F0} {rack.PredictedC[k]:F2} {(k < rack.ActualC.Count ? rack.ActualC[k] : double.NaN):F2}"));
        }
    }

    private static string Seconds(double? s) => s is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "none";
}
