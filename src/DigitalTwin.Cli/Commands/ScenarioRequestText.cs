using System.Globalization;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Cli.Commands;

/// <summary>Reads <c>dt scenario run</c>'s perturbation options into a <see cref="ScenarioRequest"/>; a malformed one is an error naming it.</summary>
internal static class ScenarioRequestText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>ids=factor</c>, ids separated by commas.</summary>
    public static LoadChange Load(string text)
    {
        var (ids, value) = Split(text, "--load", "<ids>=<factor>");
        return new LoadChange(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Number(value, "--load", text));
    }

    /// <summary><c>crac=°C</c>.</summary>
    public static CracSetting Setpoint(string text)
    {
        var (id, value) = Split(text, "--setpoint", "<crac>=<°C>");
        return new CracSetting(id, SetpointC: Number(value, "--setpoint", text));
    }

    /// <summary><c>crac=%</c>.</summary>
    public static CracSetting Fan(string text)
    {
        var (id, value) = Split(text, "--fan", "<crac>=<percent>");
        return new CracSetting(id, FanPct: Number(value, "--fan", text));
    }

    /// <summary><c>id:room:row:slot:watts[:pdu/path+pdu/path][:crac+crac]</c>.</summary>
    public static AddedRack Rack(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 5 or > 7 || !int.TryParse(parts[3], NumberStyles.Integer, Inv, out var slot))
        {
            throw new FormatException($"--add-rack '{text}' is not id:room:row:slot:watts[:source/path+source/path][:crac+crac]");
        }
        IReadOnlyList<PowerFeed>? feeds = parts.Length > 5 && parts[5].Length > 0
            ? parts[5].Split('+').Select(f => f.Split('/') is [var source, var path] ? new PowerFeed(source, path)
                : throw new FormatException($"--add-rack feed '{f}' is not source/path")).ToList()
            : null;
        IReadOnlyList<string>? cooling = parts.Length > 6 && parts[6].Length > 0 ? parts[6].Split('+') : null;
        return new AddedRack(parts[0], parts[1], parts[2], slot, Number(parts[4], "--add-rack", text), feeds, cooling);
    }

    private static (string Key, string Value) Split(string text, string option, string shape)
    {
        var cut = text.LastIndexOf('=');
        if (cut <= 0 || cut == text.Length - 1) throw new FormatException($"{option} '{text}' is not {shape}");
        return (text[..cut], text[(cut + 1)..]);
    }

    private static double Number(string text, string option, string whole) =>
        double.TryParse(text, NumberStyles.Float, Inv, out var value) ? value : throw new FormatException($"{option} '{whole}': '{text}' is not a number");
}
