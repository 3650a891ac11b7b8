using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Cli.Client;

/// <summary>The JSON shape <c>dt</c> prints: indented, camelCase, enums by name — the same as the silo's HTTP API.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One object per line (JSON Lines), for streams of changes.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
