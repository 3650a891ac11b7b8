namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>Which model parameters came from the twin's own telemetry and which from topology defaults, and why.</summary>
/// <param name="Calibrated">Parameters taken from telemetry, each with what it was read from.</param>
/// <param name="Defaulted">Parameters that fell back to rated properties or defaults, each with the reason.</param>
[GenerateSerializer, Immutable, Alias("dt.CalibrationReport")]
public sealed record CalibrationReport(
    [property: Id(0)] IReadOnlyList<string> Calibrated,
    [property: Id(1)] IReadOnlyList<string> Defaulted);
