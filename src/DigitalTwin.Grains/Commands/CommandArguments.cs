using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Telemetry;

namespace DigitalTwin.Grains.Commands;

/// <summary>Rules for command names and arguments, and which arguments become metric values once the device applies them.</summary>
public static class CommandArguments
{
    /// <summary>The most arguments one command may carry.</summary>
    public const int MaxArguments = 16;

    // A unit suffix is what makes a name a measurement: set_setpoint's setpoint_c is a temperature, mode is not.
    private static readonly string[] UnitSuffixes = ["_c", "_w", "_kw", "_pct", "_rpm", "_s", "_v", "_a", "_hz"];

    /// <summary>Why a command is not acceptable, or null when it is.</summary>
    public static string? Problem(string? name, IReadOnlyDictionary<string, double>? arguments)
    {
        if (!MetricNames.IsValid(name)) return $"Command name '{name}' is not valid: use 1-64 letters, digits, '_', '.', '-' or ':'.";
        if (arguments is null) return null;
        if (arguments.Count > MaxArguments) return $"A command carries at most {MaxArguments} arguments.";
        foreach (var (argument, value) in arguments)
        {
            if (!MetricNames.IsValid(argument)) return $"Argument name '{argument}' is not valid.";
            if (!double.IsFinite(value)) return $"Argument '{argument}' is not a finite number.";
        }
        return null;
    }

    /// <summary>Whether an acknowledged argument names a metric whose latest value it sets.</summary>
    public static bool NamesMetric(string argument, IReadOnlyDictionary<string, Abstractions.Twins.MetricValue> tracked) =>
        tracked.ContainsKey(argument) || UnitSuffixes.Any(s => argument.EndsWith(s, StringComparison.Ordinal));
}
