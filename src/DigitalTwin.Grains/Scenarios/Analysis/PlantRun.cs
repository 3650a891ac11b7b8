using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>One model run of a plant: its rack series and limits, merged over rooms.</summary>
internal sealed record PlantRun(DataCentrePlant Plant, ThermalRun Thermal)
{
    public double? FirstLimitS => Thermal.TimeToLimitS.Values.Where(t => t is not null).Min();

    public string? FirstRackId => Thermal.TimeToLimitS.Where(p => p.Value is not null)
        .OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault();

    public double PeakC => Thermal.PeakC.Values.DefaultIfEmpty(double.NaN).Max();

    public int RacksOverLimit => Thermal.TimeToLimitS.Values.Count(t => t is not null);
}
