using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Configuration;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Maps collectd's host names to twin ids and its <c>plugin[-instance]/type[-instance]</c> pairs to metric names,
/// by the rules of <see cref="CollectdMappingOptions"/>. Results are cached (bounded): a collectd fleet sends the
/// same few hundred topics over and over.
/// </summary>
public sealed class CollectdTopicMap
{
    private const int CacheCapacity = 50_000;
    private readonly CollectdMappingOptions _options;
    private readonly IReadOnlyList<(Regex Pattern, string[] Names)> _rules;
    private readonly ConcurrentDictionary<string, string[]> _metricCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _hostCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Compiles the configured rules.</summary>
    public CollectdTopicMap(CollectdMappingOptions options)
    {
        _options = options;
        _rules = options.Metrics
            .Select(rule => (Glob(rule.Key), rule.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }

    /// <summary>The twin id for a collectd host, or null when the host is not mapped.</summary>
    public string? TwinFor(string host)
    {
        if (_hostCache.TryGetValue(host, out var cached)) return cached;
        string? twin;
        if (_options.Hosts.TryGetValue(host, out var mapped)) twin = mapped;
        else if (string.IsNullOrEmpty(_options.HostTemplate)) twin = null;
        else
        {
            var shortHost = host.Split('.')[0];
            twin = _options.HostTemplate.Replace("{host}", host, StringComparison.Ordinal).Replace("{shorthost}", shortHost, StringComparison.Ordinal);
        }
        if (twin is not null && !TwinIds.IsValid(twin)) twin = null;
        if (_hostCache.Count < CacheCapacity) _hostCache[host] = twin;
        return twin;
    }

    /// <summary>
    /// The metric names for the values of <paramref name="plugin"/>/<paramref name="type"/>; exactly
    /// <paramref name="valueCount"/> names.
    /// </summary>
    public IReadOnlyList<string> MetricsFor(string plugin, string type, int valueCount)
    {
        var key = $"{plugin}/{type}#{valueCount}";
        if (_metricCache.TryGetValue(key, out var cached)) return cached;
        var path = $"{plugin}/{type}";
        string[]? names = null;
        foreach (var (pattern, configured) in _rules)
        {
            if (!pattern.IsMatch(path)) continue;
            names = configured.Length >= valueCount
                ? configured[..valueCount]
                : Enumerable.Range(0, valueCount).Select(i => valueCount == 1 ? configured[0] : $"{configured[0]}_{i}").ToArray();
            break;
        }
        if (names is null)
        {
            var stem = Derive(plugin, type);
            names = valueCount == 1 ? [stem] : Enumerable.Range(0, valueCount).Select(i => $"{stem}_{i}").ToArray();
        }
        if (_metricCache.Count < CacheCapacity) _metricCache[key] = names;
        return names;
    }

    // cpu-0/percent-idle → cpu_0_percent_idle: every character outside [a-z0-9_] becomes '_'.
    private static string Derive(string plugin, string type)
    {
        var text = new StringBuilder(plugin.Length + type.Length + 1);
        foreach (var c in $"{plugin}_{type}")
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }
        return text.ToString();
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
