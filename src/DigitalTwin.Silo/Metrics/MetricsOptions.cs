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
}
