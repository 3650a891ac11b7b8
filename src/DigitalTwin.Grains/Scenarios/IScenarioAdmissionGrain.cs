namespace DigitalTwin.Grains.Scenarios;

/// <summary>
/// Counts the scenarios that hold shadows in the cluster (key 0), so their number stays bounded. Held in memory:
/// admissions lapse at their expiry even when their scenario never releases them.
/// </summary>
[Alias("dt.grains.IScenarioAdmissionGrain")]
public interface IScenarioAdmissionGrain : IGrainWithIntegerKey
{
    /// <summary>Admits a scenario until <paramref name="expiresAt"/> when fewer than <paramref name="limit"/> are held; false otherwise.</summary>
    [Alias("TryAdmit")]
    Task<bool> TryAdmitAsync(string scenarioId, DateTimeOffset expiresAt, int limit);

    /// <summary>Releases a scenario's admission. Idempotent.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string scenarioId);

    /// <summary>The scenarios held now.</summary>
    [Alias("Held")]
    Task<IReadOnlyList<string>> GetHeldAsync();
}
