namespace DigitalTwin.Evaluation.Nab;

/// <summary>One NAB data file: its timestamps and values in row order.</summary>
/// <param name="RelativePath">The file's path inside NAB's <c>data</c> folder, <c>category/name.csv</c>, with forward slashes.</param>
/// <param name="Timestamps">Row timestamps, as written (NAB's files carry no zone).</param>
/// <param name="Values">Row values.</param>
public sealed record NabSeries(string RelativePath, DateTime[] Timestamps, double[] Values)
{
    /// <summary>The category folder (for example <c>realKnownCause</c>).</summary>
    public string Category => RelativePath[..RelativePath.IndexOf('/')];

    /// <summary>The file name (for example <c>nyc_taxi.csv</c>).</summary>
    public string FileName => RelativePath[(RelativePath.IndexOf('/') + 1)..];
}
