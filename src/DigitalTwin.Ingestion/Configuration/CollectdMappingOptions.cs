namespace DigitalTwin.Ingestion.Configuration;

/// <summary>
/// The <c>DigitalTwin:Mqtt:Collectd</c> section: how collectd's MQTT topics
/// (<c>collectd/&lt;host&gt;/&lt;plugin[-instance]&gt;/&lt;type[-instance]&gt;</c>) map to twins and metrics.
/// </summary>
public sealed class CollectdMappingOptions
{
    /// <summary>Explicit host → twin id map; checked first.</summary>
    public Dictionary<string, string> Hosts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The twin id for hosts not in <see cref="Hosts"/>, with <c>{host}</c> standing for the host name (dots kept)
    /// and <c>{shorthost}</c> for its first label. Empty means unmapped hosts are refused as unknown twins.
    /// </summary>
    public string HostTemplate { get; set; } = "{host}";

    /// <summary>
    /// Metric names by <c>plugin/type</c> pattern (the last two topic levels, <c>*</c> matching any run of
    /// characters), for example <c>"load/load": "load_1m,load_5m,load_15m"</c> or
    /// <c>"memory/memory-used": "mem_used_bytes"</c>. A comma-separated list names the values of a multi-value
    /// type in order. The first matching pattern in file order wins; without a match the name is derived from the
    /// topic (<c>cpu-0/percent-idle</c> → <c>cpu_0_percent_idle</c>, multi-value types get <c>_0</c>, <c>_1</c>…).
    /// </summary>
    public Dictionary<string, string> Metrics { get; set; } = new(StringComparer.Ordinal);
}
