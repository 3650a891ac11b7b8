namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Gathers raw readings (server readings under their rack, CRAC readings) into a <see cref="ThermalHistory"/> on a
/// regular grid: each twin's readings are averaged per bin and carried forward over a few empty bins (devices report
/// at their own pace), then a rack's servers are combined (hottest and mean inlet, mean outlet, summed power).
/// </summary>
/// <param name="bin">Grid spacing; at least the devices' reporting interval.</param>
/// <param name="carryBins">Empty bins a twin's last value is carried over before it counts as missing.</param>
public sealed class ThermalHistoryBuilder(TimeSpan bin, int carryBins = 3)
{
    private readonly Dictionary<(string Owner, string Source, string Metric), Dictionary<long, (double Sum, int Count)>> bins = [];
    private readonly HashSet<string> racks = new(StringComparer.Ordinal);
    private readonly HashSet<string> cracs = new(StringComparer.Ordinal);
    private DateTimeOffset? start;
    private long lastBin = -1;

    private static readonly HashSet<string> ServerMetrics = ["inlet_temp_c", "outlet_temp_c", "power_w"];
    private static readonly HashSet<string> CracMetrics =
        ["supply_temp_c", "return_temp_c", "setpoint_c", "fan_pct", "airflow_m3_s", "cooling_load_w", "power_w"];

    /// <summary>Readings taken so far (accepted ones).</summary>
    public int Count { get; private set; }

    /// <summary>Adds a server's reading under its rack. False (and ignored) for metrics the thermal model does not use
    /// or for a value that is not finite.</summary>
    public bool AddServerReading(string rackId, string serverId, string metric, DateTimeOffset at, double value)
    {
        if (!ServerMetrics.Contains(metric) || !double.IsFinite(value)) return false;
        racks.Add(rackId);
        Add(rackId, serverId, metric, at, value);
        return true;
    }

    /// <summary>Adds a CRAC's reading. False (and ignored) for metrics the thermal model does not use or a value that
    /// is not finite.</summary>
    public bool AddCracReading(string cracId, string metric, DateTimeOffset at, double value)
    {
        if (!CracMetrics.Contains(metric) || !double.IsFinite(value)) return false;
        cracs.Add(cracId);
        Add(cracId, cracId, metric, at, value);
        return true;
    }

    private void Add(string owner, string source, string metric, DateTimeOffset at, double value)
    {
        Count++;
        if (start is null || at < start)
        {
            // Readings may arrive out of order: re-bin everything against the new start.
            var previous = bins.SelectMany(b => b.Value.Select(v => (b.Key, v.Key, v.Value))).ToList();
            var oldStart = start;
            start = at;
            bins.Clear();
            lastBin = -1;
            foreach (var (key, index, cell) in previous)
            {
                var moved = index + (long)Math.Round((oldStart!.Value - at).Ticks / (double)bin.Ticks);
                Cell(key)[moved] = cell;
                lastBin = Math.Max(lastBin, moved);
            }
        }
        var binIndex = (at - start.Value).Ticks / bin.Ticks;
        var cells = Cell((owner, source, metric));
        cells[binIndex] = cells.TryGetValue(binIndex, out var c) ? (c.Sum + value, c.Count + 1) : (value, 1);
        lastBin = Math.Max(lastBin, binIndex);
    }

    private Dictionary<long, (double Sum, int Count)> Cell((string, string, string) key)
    {
        if (!bins.TryGetValue(key, out var cells)) bins[key] = cells = [];
        return cells;
    }

    /// <summary>The history so far.</summary>
    public ThermalHistory Build()
    {
        var length = (int)(lastBin + 1);
        var times = Enumerable.Range(0, Math.Max(length, 0)).Select(k => k * bin.TotalSeconds).ToArray();
        var series = bins.ToDictionary(b => b.Key, b => Filled(b.Value, length));
        var rackHistories = new Dictionary<string, RackHistory>(StringComparer.Ordinal);
        foreach (var rack in racks)
        {
            double[][] Of(string metric) => [.. series.Where(s => s.Key.Owner == rack && s.Key.Metric == metric).Select(s => s.Value)];
            rackHistories[rack] = new RackHistory(
                Combine(Of("inlet_temp_c"), length, v => v.Max()),
                Combine(Of("inlet_temp_c"), length, v => v.Average()),
                Combine(Of("outlet_temp_c"), length, v => v.Average()),
                Combine(Of("power_w"), length, v => v.Sum(), requireAll: true));
        }
        var cracHistories = new Dictionary<string, CracHistory>(StringComparer.Ordinal);
        foreach (var crac in cracs)
        {
            double[] Of(string metric) => series.TryGetValue((crac, crac, metric), out var s) ? s : [.. Enumerable.Repeat(double.NaN, length)];
            cracHistories[crac] = new CracHistory(Of("supply_temp_c"), Of("return_temp_c"), Of("setpoint_c"), Of("fan_pct"),
                Of("airflow_m3_s"), Of("cooling_load_w"), Of("power_w"));
        }
        return new ThermalHistory(start ?? DateTimeOffset.UnixEpoch, times, rackHistories, cracHistories);
    }

    private double[] Filled(Dictionary<long, (double Sum, int Count)> cells, int length)
    {
        var values = new double[length];
        double last = double.NaN;
        var sinceLast = int.MaxValue;
        for (var k = 0; k < length; k++)
        {
            if (cells.TryGetValue(k, out var cell))
            {
                last = cell.Sum / cell.Count;
                sinceLast = 0;
            }
            else if (sinceLast < int.MaxValue) sinceLast++;
            values[k] = sinceLast <= carryBins ? last : double.NaN;
        }
        return values;
    }

    private static double[] Combine(double[][] sources, int length, Func<IEnumerable<double>, double> combine, bool requireAll = false)
    {
        var values = new double[length];
        for (var k = 0; k < length; k++)
        {
            var present = sources.Select(s => s[k]).Where(double.IsFinite).ToList();
            values[k] = present.Count == 0 || (requireAll && present.Count < sources.Length) ? double.NaN : combine(present);
        }
        return values;
    }
}
