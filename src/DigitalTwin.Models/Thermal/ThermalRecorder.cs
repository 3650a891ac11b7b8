namespace DigitalTwin.Models.Thermal;

/// <summary>Collects a simulation's series step by step and judges each rack against its limit at the end.</summary>
internal sealed class ThermalRecorder(int capacity)
{
    private readonly List<double> times = new(capacity);
    private readonly List<double> returns = new(capacity);
    private readonly Dictionary<string, List<double>> inlets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> exhausts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> means = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> leastAir = new(StringComparer.Ordinal);
    private readonly List<string> rackOrder = [];
    private readonly Dictionary<string, (List<double> Supply, List<double> Load, List<double> Power, List<bool> Saturated)> cracs = new(StringComparer.Ordinal);

    public void Record(ThermalPlant plant, double time)
    {
        times.Add(time);
        returns.Add(plant.ReturnC);
        for (var j = 0; j < plant.Racks.Count; j++)
        {
            var id = plant.Racks[j].Id;
            if (!inlets.TryGetValue(id, out var series))
            {
                series = [.. Enumerable.Repeat(double.NaN, times.Count - 1)];
                inlets[id] = series;
                exhausts[id] = [.. series];
                means[id] = [.. series];
                rackOrder.Add(id);
            }
            series.Add(plant.ReportedInlet(j));
            exhausts[id].Add(plant.ExhaustC(j));
            means[id].Add(plant.RackInletMixC[j]);
            if (double.IsFinite(plant.RackSupplyShare[j]))
                leastAir[id] = Math.Min(leastAir.GetValueOrDefault(id, double.PositiveInfinity), plant.RackSupplyShare[j]);
        }
        for (var i = 0; i < plant.Cracs.Length; i++)
        {
            var id = plant.Cracs[i].Id;
            if (!cracs.TryGetValue(id, out var series))
            {
                series = ([], [], [], []);
                cracs[id] = series;
            }
            var point = plant.Describe(i);
            series.Supply.Add(point.SupplyC);
            series.Load.Add(point.CoolingLoadW);
            series.Power.Add(point.PowerW);
            series.Saturated.Add(point.Saturated);
        }
    }

    public ThermalSimulation Finish(ThermalPlant plant)
    {
        var racks = new List<RackInletSeries>(rackOrder.Count);
        double? first = null;
        string? firstRack = null;
        foreach (var id in rackOrder)
        {
            var limit = plant.Racks[plant.RackIndex(id)].InletLimitC;
            var series = inlets[id];
            var crossing = Crossing(series, limit);
            var peak = series.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
            racks.Add(new RackInletSeries(id, series, exhausts[id], limit, crossing, peak, means[id], leastAir.GetValueOrDefault(id, double.NaN)));
            if (crossing is { } s && (first is null || s < first))
            {
                first = s;
                firstRack = id;
            }
        }
        var cracSeries = plant.Cracs.Select(c => cracs[c.Id])
            .Select((s, i) => new CracSeries(plant.Cracs[i].Id, s.Supply, s.Load, s.Power, s.Saturated)).ToList();
        return new ThermalSimulation(times, racks, cracSeries, returns, first, firstRack);
    }

    private double? Crossing(List<double> series, double limit)
    {
        for (var k = 0; k < series.Count; k++)
        {
            if (!double.IsFinite(series[k]) || series[k] < limit) continue;
            if (k == 0 || !double.IsFinite(series[k - 1])) return times[k];
            var fraction = (limit - series[k - 1]) / (series[k] - series[k - 1]);
            return times[k - 1] + fraction * (times[k] - times[k - 1]);
        }
        return null;
    }
}
