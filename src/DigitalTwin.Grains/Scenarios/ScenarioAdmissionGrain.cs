namespace DigitalTwin.Grains.Scenarios;

/// <summary>The cluster's count of held scenarios; see <see cref="IScenarioAdmissionGrain"/>.</summary>
public sealed class ScenarioAdmissionGrain : Grain, IScenarioAdmissionGrain
{
    private readonly Dictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryAdmitAsync(string scenarioId, DateTimeOffset expiresAt, int limit)
    {
        Lapse();
        if (!_held.ContainsKey(scenarioId) && _held.Count >= limit) return Task.FromResult(false);
        _held[scenarioId] = expiresAt;
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string scenarioId)
    {
        _held.Remove(scenarioId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetHeldAsync()
    {
        Lapse();
        return Task.FromResult<IReadOnlyList<string>>(_held.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private void Lapse()
    {
        // Wall-clock time: admissions are operational, whatever clock the twins run on.
        var now = DateTimeOffset.UtcNow;
        foreach (var id in _held.Where(p => p.Value <= now).Select(p => p.Key).ToList()) _held.Remove(id);
    }
}
