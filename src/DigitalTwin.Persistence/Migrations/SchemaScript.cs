using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Persistence.Migrations;

/// <summary>One numbered schema script, as shipped in deploy/postgresql.</summary>
public sealed record SchemaScript
{
    /// <summary>Creates a script from its file name (for example <c>001_membership.sql</c>) and text.</summary>
    public SchemaScript(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Text = text;
        Checksum = ChecksumOf(text);
    }

    /// <summary>The file name; scripts run in ordinal order of their names.</summary>
    public string Name { get; }

    /// <summary>The SQL.</summary>
    public string Text { get; }

    /// <summary>SHA-256 of the text, hex, computed over LF line endings.</summary>
    public string Checksum { get; }

    // A checkout with CRLF line endings must not look like an edited script.
    private static string ChecksumOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}
