using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Topology.Validation;

/// <summary>How kinds read in messages: "a rack", "a crac or a ups".</summary>
internal static class KindNames
{
    private static readonly Dictionary<TwinKind, string> AllowedParents = TwinKinds.All.ToDictionary(
        kind => kind,
        kind => Alternatives(TwinKinds.All.Where(parent => parent.MayContain(kind))));

    /// <summary>"a rack", "a ups" (every kind's name is said with a consonant first, so the article is always "a").</summary>
    public static string WithArticle(TwinKind kind) => WithArticle(kind.ToWireName());

    /// <summary>The kinds a twin of <paramref name="kind"/> may sit in, as "a room" or "a server, a crac or a pdu".</summary>
    public static string ParentsOf(TwinKind kind) => AllowedParents[kind];

    /// <summary>"a x, a y or a z".</summary>
    public static string Alternatives(IEnumerable<TwinKind> kinds)
    {
        var names = kinds.Select(WithArticle).ToList();
        return names.Count <= 1 ? names.FirstOrDefault() ?? "nothing" : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private static string WithArticle(string name) => "a " + name;
}
