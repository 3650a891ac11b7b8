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

    private const string EquipmentPower = "equipment_power_w";

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

    /// <summary>
    /// Adds the power of other rack equipment whose fans draw the rack's cold air (a network switch): it counts in the
    /// rack's power, as the heat its air carries. Its last reading holds until the next however long that takes, and
    /// it counts as nothing before its first, so equipment reporting less often than the servers never makes the rack's
    /// power unknown. False (and ignored) for a value that is not finite or negative.
    /// </summary>
    public bool AddEquipmentPower(string rackId, string equipmentId, DateTimeOffset at, double watts)
    {
        if (!double.IsFinite(watts) || watts < 0) return false;
        racks.Add(rackId);
        Add(rackId, equipmentId, EquipmentPower, at, watts);
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
                Plus(Combine(Of("power_w"), length, v => v.Sum(), requireAll: true),
                    [.. bins.Where(b => b.Key.Owner == rack && b.Key.Metric == EquipmentPower).Select(b => Held(b.Value, length))]));
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

    /// <summary>Each bin's mean, else the last one before it, else 0.</summary>
    private static double[] Held(Dictionary<long, (double Sum, int Count)> cells, int length)
    {
        var values = new double[length];
        var last = 0.0;
        for (var k = 0; k < length; k++)
        {
            if (cells.TryGetValue(k, out var cell)) last = cell.Sum / cell.Count;
            values[k] = last;
        }
        return values;
    }

    private static double[] Plus(double[] values, double[][] others)
    {
        foreach (var other in others)
            for (var k = 0; k < values.Length; k++) values[k] += other[k];
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
