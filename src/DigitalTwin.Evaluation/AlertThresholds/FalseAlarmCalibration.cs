using DigitalTwin.Models.Anomaly;
using MathNet.Numerics.Distributions;

namespace DigitalTwin.Evaluation.AlertThresholds;

/// <summary>
/// Measures how many anomaly alerts the twins' detector would raise on fault-free running at each candidate alert
/// threshold, and picks the lowest threshold whose false-alert rate stays within a budget. Every reading of every
/// series is scored once (the detector's score does not depend on the threshold); each threshold then replays the
/// twins' alert lifecycle over the scores: an alert is raised when a score reaches the threshold with no alert open,
/// and resolves after <see cref="ClearReadings"/> scores below it. On fault-free running every alert is false.
/// </summary>
public sealed class FalseAlarmCalibration
{
    private readonly double[] _thresholds;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)> _twins = new(StringComparer.Ordinal);

    /// <summary>Creates a calibration over the candidate thresholds (ascending), with the twins' clearing rule.</summary>
    public FalseAlarmCalibration(IReadOnlyList<double> thresholds, int clearReadings)
    {
        if (thresholds.Count == 0) throw new ArgumentException("At least one candidate threshold is needed.", nameof(thresholds));
        _thresholds = thresholds.Order().ToArray();
        ClearReadings = clearReadings;
    }

    /// <summary>Normal readings in a row that resolve an alert (the twins' <c>AlertClearReadings</c>).</summary>
    public int ClearReadings { get; }

    /// <summary>Readings scored so far.</summary>
    public long Readings { get; private set; }

    /// <summary>Scores one reading of a twin's metric; readings of a series must come in time order (older ones are skipped).</summary>
    public void Observe(string twinId, string metric, DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value)) return;
        var key = twinId + "\u0001" + metric;
        if (!_series.TryGetValue(key, out var series))
        {
            _series[key] = series = new Series(AnomalyDetectors.CreateDefault(), _thresholds.Length);
        }
        if (series.Last is { } last && timestamp < last) return;
        series.Last = timestamp;
        var score = series.Detector.Observe(timestamp, value).Score;
        Readings++;
        for (var i = 0; i < _thresholds.Length; i++)
        {
            if (score >= _thresholds[i])
            {
                if (!series.Open[i]) series.Alerts[i]++;
                series.Open[i] = true;
                series.Calm[i] = 0;
            }
            else if (series.Open[i] && ++series.Calm[i] >= ClearReadings)
            {
                series.Open[i] = false;
            }
        }
        _twins[twinId] = _twins.TryGetValue(twinId, out var span)
            ? (timestamp < span.First ? timestamp : span.First, timestamp > span.Last ? timestamp : span.Last)
            : (timestamp, timestamp);
    }

    /// <summary>The false-alert rate at every candidate threshold.</summary>
    public IReadOnlyList<FalseAlarmPoint> Curve()
    {
        var twinDays = TwinDays;
        return _thresholds.Select((t, i) =>
        {
            var alerts = _series.Values.Sum(s => s.Alerts[i]);
            return new FalseAlarmPoint(t, alerts, twinDays > 0 ? alerts * 100 / twinDays : double.NaN,
                twinDays > 0 ? UpperCount(alerts) * 100 / twinDays : double.NaN);
        }).ToArray();
    }

    /// <summary>
    /// The lowest candidate whose rate is within <paramref name="budgetPer100TwinDays"/> beyond reasonable doubt (its
    /// 95 % upper bound is within it, so a short recording with no alert does not pass for a quiet detector), or the
    /// highest candidate when none is.
    /// </summary>
    public FalseAlarmPoint Choose(double budgetPer100TwinDays)
    {
        var curve = Curve();
        return curve.FirstOrDefault(p => p.UpperPer100TwinDays <= budgetPer100TwinDays) ?? curve[^1];
    }

    /// <summary>Twin-days a recording needs before a threshold with no false alert can be shown within <paramref name="budgetPer100TwinDays"/>.</summary>
    public static double TwinDaysNeeded(double budgetPer100TwinDays) => UpperCount(0) * 100 / budgetPer100TwinDays;

    // The one-sided 95 % upper bound of a Poisson mean given k events: half the chi-square quantile with 2(k + 1) degrees of freedom.
    private static double UpperCount(int alerts) => ChiSquared.InvCDF(2 * (alerts + 1), 0.95) / 2;

    /// <summary>The running time covered, summed over twins, in days.</summary>
    public double TwinDays => _twins.Values.Sum(s => (s.Last - s.First).TotalDays);

    /// <summary>Twins seen.</summary>
    public int Twins => _twins.Count;

    /// <summary>Series (twin and metric) seen.</summary>
    public int SeriesCount => _series.Count;

    private sealed class Series(IStreamingAnomalyDetector detector, int thresholds)
    {
        public IStreamingAnomalyDetector Detector { get; } = detector;
        public DateTimeOffset? Last { get; set; }
        public bool[] Open { get; } = new bool[thresholds];
        public int[] Calm { get; } = new int[thresholds];
        public int[] Alerts { get; } = new int[thresholds];
    }
}
