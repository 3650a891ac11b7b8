namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>Rack inlet temperatures of one run over every room: the series per rack (value i at i × <see cref="SeriesStepS"/>), each rack's first crossing of its limit, its peak and the least cold air it had over what it draws (<see cref="DigitalTwin.Models.Thermal.RackInletSeries.LeastAirShare"/>).</summary>
internal sealed record ThermalRun(
    double SeriesStepS,
    IReadOnlyDictionary<string, double[]> Series,
    IReadOnlyDictionary<string, double?> TimeToLimitS,
    IReadOnlyDictionary<string, double> PeakC,
    IReadOnlyDictionary<string, double> LeastAirShare);
