using System.Globalization;
using System.Net;

namespace ClientSample;

/// <summary>The sample's command line: <c>--gateway host:port --rack id [--changes n] [--for hh:mm:ss] [--no-scenario]</c>.</summary>
internal sealed record SampleOptions(IPEndPoint Gateway, string RackId, int Changes, TimeSpan For, bool Scenario)
{
    public const string Usage =
        "usage: ClientSample --rack <rack id> [--gateway 127.0.0.1:30000] [--changes 5] [--for 00:01:00] [--no-scenario]";

    public static SampleOptions? Parse(string[] args)
    {
        var gateway = "127.0.0.1:30000";
        string? rack = null;
        var changes = 5;
        var wait = TimeSpan.FromMinutes(1);
        var scenario = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--gateway": gateway = Next(); break;
                    case "--rack": rack = Next(); break;
                    case "--changes": changes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--for": wait = TimeSpan.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--no-scenario": scenario = false; break;
                    default: return null;
                }
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return rack is not null && IPEndPoint.TryParse(gateway, out var endpoint)
            ? new SampleOptions(endpoint, rack, Math.Max(0, changes), wait, scenario)
            : null;
    }
}
