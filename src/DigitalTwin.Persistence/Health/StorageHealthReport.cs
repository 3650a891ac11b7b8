namespace DigitalTwin.Persistence.Health;

/// <summary>The store's health as <c>/healthz</c> shows it.</summary>
/// <param name="State"><c>available</c> or <c>unavailable</c>.</param>
/// <param name="UnavailableSince">When the open outage began, or null.</param>
/// <param name="UnavailableForS">How long the open outage has lasted, or null.</param>
/// <param name="Failures">Failed grain-state operations since start.</param>
/// <param name="Outages">Outages since start.</param>
/// <param name="LastOutageS">How long the last closed outage lasted, or null.</param>
public sealed record StorageHealthReport(
    string State,
    DateTimeOffset? UnavailableSince,
    double? UnavailableForS,
    long Failures,
    long Outages,
    double? LastOutageS);
