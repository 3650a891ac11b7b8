namespace DigitalTwin.Evaluation.Nab;

/// <summary>A detector's anomaly score for every row of one NAB file, with the file's row labels.</summary>
public sealed record NabScoredFile(string RelativePath, NabRowLabels Labels, double[] AnomalyScores)
{
    /// <summary>Pairs scores with labels, refusing a length mismatch (a results file that skipped or added rows).</summary>
    public static NabScoredFile Create(string relativePath, NabRowLabels labels, double[] anomalyScores) =>
        anomalyScores.Length == labels.RowCount
            ? new NabScoredFile(relativePath, labels, anomalyScores)
            : throw new InvalidDataException($"{relativePath}: {anomalyScores.Length} scores for {labels.RowCount} rows.");
}
