namespace DigitalTwin.Silo.Metrics;

/// <summary>Settings of <c>/metrics</c> (section <c>DigitalTwin:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DigitalTwin:Metrics";

    /// <summary>Whether <c>/metrics</c> is served at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the twins' rollups are read for their gauges (a Prometheus scrape reads the last ones).</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The bound on the <c>twin</c> label: at most this many racks, rooms and data centres get series (data centres
    /// first, then rooms, then racks, each by id); the rest are counted in <c>dt_twin_rollups_omitted</c>. Servers and
    /// components never get a series of their own, so the cardinality is at most three gauges times this bound.
    /// </summary>
    public int MaxTwins { get; set; } = 1000;

    /// <summary>
    /// The most label combinations (series) one instrument of the other meters (Orleans', ingestion's, storage's) keeps;
    /// further ones are folded into OpenTelemetry's overflow series. Their labels are grain types, refusal reasons and
    /// the like (tens), and OpenTelemetry allocates room for this many points per instrument up front, so its default
    /// (2,000) held ~40 MB for Orleans' ~280 instruments.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = 200;
}
