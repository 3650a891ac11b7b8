namespace DigitalTwin.Grains.Scenarios.Physics;

/// <summary>Rack inlet temperatures of one run: the series per rack (value i at i × <see cref="SeriesStepS"/>) and the first crossing of each rack's limit.</summary>
internal sealed record ThermalRun(
    double SeriesStepS,
    IReadOnlyDictionary<string, double[]> Series,
    IReadOnlyDictionary<string, double?> TimeToLimitS,
    IReadOnlyDictionary<string, double> PeakC);
