namespace DigitalTwin.Abstractions.Identity;

/// <summary>
/// The grain key of a twin: its stable id, plus the scenario it belongs to when it is a shadow copy.
/// Live twins have <see cref="ScenarioId"/> null and a grain key equal to their id; a shadow twin's grain key is
/// <c>{twinId}~{scenarioId}</c>. Shadow twins only ever address shadow twins of the same scenario and never
/// touch storage, so a what-if run can fork any subtree without touching live state.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinKey")]
public readonly record struct TwinKey
{
    /// <summary>Creates a key, validating both ids.</summary>
    public TwinKey(string twinId, string? scenarioId = null)
    {
        TwinId = TwinIds.Require(twinId);
        ScenarioId = scenarioId is null ? null : TwinIds.Require(scenarioId, "scenario id");
    }

    /// <summary>The twin's stable id.</summary>
    [Id(0)] public string TwinId { get; init; }

    /// <summary>The scenario of a shadow twin; null for the live twin.</summary>
    [Id(1)] public string? ScenarioId { get; init; }

    /// <summary>Whether this is a scenario-scoped shadow copy.</summary>
    public bool IsShadow => ScenarioId is not null;

    /// <summary>The Orleans grain key.</summary>
    public string ToGrainKey() => ScenarioId is null ? TwinId : $"{TwinId}{TwinIds.ScenarioSeparator}{ScenarioId}";

    /// <summary>Another twin in the same scope (live, or the same scenario).</summary>
    public TwinKey Sibling(string twinId) => new(twinId, ScenarioId);

    /// <summary>This twin's shadow in <paramref name="scenarioId"/>.</summary>
    public TwinKey InScenario(string scenarioId) => new(TwinId, scenarioId);

    /// <summary>Parses a grain key written by <see cref="ToGrainKey"/>.</summary>
    public static TwinKey Parse(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var cut = grainKey.IndexOf(TwinIds.ScenarioSeparator);
        return cut < 0 ? new TwinKey(grainKey) : new TwinKey(grainKey[..cut], grainKey[(cut + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => ToGrainKey();
}
