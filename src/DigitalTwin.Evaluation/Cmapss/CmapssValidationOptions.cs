namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>
/// How training engines are held out to stand in for the withheld test truth: engines are split into folds whole,
/// and each held-out engine is cut at random cycles, as the test engines are, so the model never sees its failure.
/// </summary>
public sealed record CmapssValidationOptions
{
    /// <summary>Number of folds; each engine is held out in exactly one.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Random cut points per held-out engine (more cuts average out the luck of the draw).</summary>
    public int CutsPerEngine { get; init; } = 3;

    /// <summary>Fewest cycles a cut engine still shows (the shortest FD001 test engine shows 31).</summary>
    public int MinObservedCycles { get; init; } = 31;

    /// <summary>
    /// Largest true remaining life at a cut. The benchmark's test engines are cut within about this many cycles of
    /// failure; a model capped at 125 could not score near the published RMSEs otherwise.
    /// </summary>
    public int MaxRemainingLife { get; init; } = 150;

    /// <summary>Seed of the fold split and the cuts.</summary>
    public int Seed { get; init; } = 42;
}
