namespace DigitalTwin.Models.Power;

/// <summary>
/// What has failed in the power chain.
/// </summary>
/// <param name="FailedNodes">UPSs or PDUs that deliver nothing.</param>
/// <param name="FailedPaths">Whole feed paths lost (every input labelled with one of these).</param>
/// <param name="LostUtility">UPSs whose utility input is lost: they run on battery.</param>
public sealed record PowerOutage(
    IReadOnlyCollection<string> FailedNodes,
    IReadOnlyCollection<string> FailedPaths,
    IReadOnlyCollection<string> LostUtility)
{
    /// <summary>Nothing failed.</summary>
    public static PowerOutage None { get; } = new([], [], []);

    /// <summary>One UPS or PDU failed.</summary>
    public static PowerOutage Node(string id) => new([id], [], []);

    /// <summary>One feed path lost.</summary>
    public static PowerOutage Path(string path) => new([], [path], []);

    /// <summary>A short description, e.g. "ups-a, path B".</summary>
    public override string ToString() =>
        string.Join(", ", FailedNodes.Concat(FailedPaths.Select(p => $"path {p}")).Concat(LostUtility.Select(u => $"{u} utility")).DefaultIfEmpty("nothing"));
}
