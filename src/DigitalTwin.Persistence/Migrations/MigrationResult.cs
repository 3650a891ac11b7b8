namespace DigitalTwin.Persistence.Migrations;

/// <summary>What one migrator run did.</summary>
/// <param name="Applied">The scripts this run applied, in order; empty when the schema was up to date.</param>
/// <param name="AlreadyApplied">The scripts found already applied (and verified unchanged).</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied, TimeSpan Elapsed)
{
    /// <summary>True when the run had nothing to apply.</summary>
    public bool UpToDate => Applied.Count == 0;
}
