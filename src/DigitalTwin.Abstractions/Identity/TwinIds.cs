using System.Text.RegularExpressions;

namespace DigitalTwin.Abstractions.Identity;

/// <summary>Rules for twin and scenario identifiers.</summary>
public static partial class TwinIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Separates a twin id from a scenario id inside a grain key. It can never appear in an id,
    /// so a shadow key can never collide with a live one.
    /// </summary>
    public const char ScenarioSeparator = '~';

    /// <summary>
    /// Whether <paramref name="id"/> is a valid twin or scenario id: 1 to 128 characters of letters, digits,
    /// '.', '-', '_' and ':', starting with a letter or digit. Ids are stable: a twin keeps its id when it moves,
    /// so the id must never encode the twin's place in the hierarchy.
    /// </summary>
    public static bool IsValid(string? id) => id is not null && id.Length <= MaxLength && IdPattern().IsMatch(id);

    /// <summary>Throws <see cref="ArgumentException"/> with a reason when <paramref name="id"/> is not valid.</summary>
    public static string Require(string? id, string what = "twin id")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(
                $"Invalid {what} '{id}': use 1-{MaxLength} letters, digits, '.', '-', '_' or ':', starting with a letter or digit.");
        }
        return id!;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
