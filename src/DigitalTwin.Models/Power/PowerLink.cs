namespace DigitalTwin.Models.Power;

/// <summary>One power input: the PDU or UPS it comes from and the path label that tells redundant inputs apart.</summary>
/// <param name="SourceId">The id of the PDU or UPS that feeds.</param>
/// <param name="Path">The path label (A, B, …).</param>
public sealed record PowerLink(string SourceId, string Path);
