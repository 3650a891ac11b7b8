using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;

namespace DigitalTwin.Silo.Api;

/// <summary>Turns query-string parameters into a <see cref="TwinQuery"/>, with a reason when they make no sense.</summary>
internal static class TwinQueryParameters
{
    public static TwinQuery? Parse(string? kind, string? tag, string? minHealth, string? metric, string? op, double? value,
        int? pageSize, string? after, out string? error)
    {
        error = null;
        List<TwinKind>? kinds = null;
        List<string>? types = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            kinds = [];
            types = [];
            // A name that is not built in is a kind a topology declares (a production line's "machine").
            foreach (var name in kind.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TwinKinds.TryParse(name, out var parsed)) kinds.Add(parsed);
                else types.Add(name);
            }
        }
        HealthStatus? health = null;
        if (!string.IsNullOrWhiteSpace(minHealth))
        {
            if (!Enum.TryParse<HealthStatus>(minHealth, ignoreCase: true, out var h)) { error = $"Unknown health '{minHealth}'."; return null; }
            health = h;
        }
        MetricPredicate? predicate = null;
        if (!string.IsNullOrWhiteSpace(metric))
        {
            if (value is null || !double.IsFinite(value.Value)) { error = "A metric filter needs a finite 'value'."; return null; }
            Comparison? comparison = (op ?? "gt").ToLowerInvariant() switch
            {
                "gt" or ">" => Comparison.GreaterThan,
                "ge" or ">=" => Comparison.GreaterOrEqual,
                "lt" or "<" => Comparison.LessThan,
                "le" or "<=" => Comparison.LessOrEqual,
                "eq" or "=" or "==" => Comparison.Equal,
                _ => null,
            };
            if (comparison is null) { error = $"Unknown comparison '{op}': use gt, ge, lt, le or eq."; return null; }
            predicate = new MetricPredicate(metric, comparison.Value, value.Value);
        }
        var size = pageSize ?? 100;
        if (size < 1 || size > TwinQuery.MaxPageSize) { error = $"pageSize must be between 1 and {TwinQuery.MaxPageSize}."; return null; }
        return new TwinQuery(kinds is { Count: > 0 } ? kinds : null, string.IsNullOrWhiteSpace(tag) ? null : tag, health, predicate, size, after,
            Types: types is { Count: > 0 } ? types : null);
    }
}
