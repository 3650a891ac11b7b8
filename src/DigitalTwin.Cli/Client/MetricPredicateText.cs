using System.Globalization;
using DigitalTwin.Abstractions.Queries;

namespace DigitalTwin.Cli.Client;

/// <summary>Parses <c>inlet_temp_c&gt;27</c> and friends into a <see cref="MetricPredicate"/>.</summary>
internal static class MetricPredicateText
{
    private static readonly (string Op, Comparison Comparison)[] Operators =
    [
        (">=", Comparison.GreaterOrEqual), ("<=", Comparison.LessOrEqual), ("==", Comparison.Equal),
        (">", Comparison.GreaterThan), ("<", Comparison.LessThan), ("=", Comparison.Equal),
    ];

    public static bool TryParse(string text, out MetricPredicate? predicate, out string? error)
    {
        predicate = null;
        error = null;
        foreach (var (op, comparison) in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var metric = text[..at].Trim();
            if (!double.TryParse(text[(at + op.Length)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                error = $"'{text}': the right-hand side must be a finite number";
                return false;
            }
            predicate = new MetricPredicate(metric, comparison, value);
            return true;
        }
        error = $"'{text}' is not metric<op>value (ops: > >= < <= =)";
        return false;
    }
}
