using System.Globalization;

namespace DataCentreSimulator.Commands;

/// <summary>
/// A command given on the command line (<c>--command-at &lt;s&gt;:&lt;crac&gt;:&lt;command&gt;:&lt;value&gt;</c>) instead of over MQTT:
/// offline runs have no broker, and a what-if of settings (what the room does at other setpoints or fan speeds) needs
/// the same commands, obeyed and refused exactly as the twin's are.
/// </summary>
internal sealed record ScheduledCommand(double AtS, string TwinId, string Name, double Value)
{
    /// <summary>The argument each command takes (CONTRACTS 4).</summary>
    public string Argument => Name == "set_fan_speed" ? "fan_pct" : "setpoint_c";

    /// <summary>Parses <c>&lt;simulated s&gt;:&lt;twin&gt;:&lt;set_setpoint|set_fan_speed&gt;:&lt;value&gt;</c>.</summary>
    public static ScheduledCommand Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 4
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var at) || at < 0 || !double.IsFinite(at)
            || parts[1].Length == 0
            || parts[2] is not ("set_setpoint" or "set_fan_speed")
            || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"--command-at '{text}': expected <simulated s>:<crac>:<set_setpoint|set_fan_speed>:<value>, e.g. 3600:crac-a1:set_setpoint:23.5");
        }
        return new ScheduledCommand(at, parts[1], parts[2], value);
    }
}
