using System.Globalization;
using System.Text;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// Text taken from input (twin ids, metric names, topics, client and user names, parser messages quoting them) made
/// safe to put into an MQTT 5 reason string, a dead letter or a log line: control characters (NUL included, which
/// MQTT 5 forbids in a UTF-8 string and which made strict clients drop the connection), line and paragraph
/// separators, byte-order marks, non-characters and lone surrogates become <c>\uXXXX</c>, and the result is cut to a
/// length without splitting a character or an escape. What comes out is one line of well-formed UTF-16 (hence
/// well-formed UTF-8). Escaping is idempotent, so every sink may apply it to text that was already escaped.
/// </summary>
public static class UntrustedText
{
    /// <summary>The longest escaped text kept by default.</summary>
    public const int DefaultMaxLength = 256;

    /// <summary>Escapes <paramref name="text"/> and cuts it to at most <paramref name="maxLength"/> characters (ending in "…" when cut).</summary>
    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (text.Length <= maxLength && !NeedsEscaping(text)) return text;
        var escaped = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string piece;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                piece = text.Substring(i, 2);
                i++;
            }
            else if (IsUnsafe(c)) piece = "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            else piece = c.ToString();
            // Whole pieces only: an escape or a surrogate pair is never cut in half.
            if (escaped.Length + piece.Length > maxLength - 1 && (i < text.Length - 1 || escaped.Length + piece.Length > maxLength))
            {
                escaped.Append('…');
                return escaped.ToString();
            }
            escaped.Append(piece);
        }
        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsUnsafe(c)) return true;
        }
        return false;
    }

    // C0 and C1 controls and DEL; separators that end a line for some readers; BOM and non-characters; a surrogate
    // that is not part of a pair (encoding it would give invalid UTF-8).
    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c);
}
