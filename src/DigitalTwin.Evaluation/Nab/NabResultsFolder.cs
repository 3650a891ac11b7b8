using System.Text;

namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// A detector's results in NAB's layout, <c>&lt;root&gt;/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c>
/// with columns <c>timestamp,value,anomaly_score,label</c>, so that NAB's own scorer can read what the twin wrote
/// and the twin can score what other detectors wrote.
/// </summary>
public static class NabResultsFolder
{
    /// <summary>Writes one file's results; <paramref name="labels"/> supplies the label column (1 inside a window).</summary>
    public static string Write(string root, string detectorName, NabSeries series, double[] anomalyScores, NabRowLabels labels)
    {
        var folder = Path.Combine(root, detectorName, series.Category);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{detectorName}_{series.FileName}");
        var text = new StringBuilder(series.Values.Length * 48);
        text.Append("timestamp,value,anomaly_score,label\n");
        for (var i = 0; i < series.Values.Length; i++)
        {
            text.Append(NabFormat.FormatTimestamp(series.Timestamps[i])).Append(',')
                .Append(NabFormat.FormatNumber(series.Values[i])).Append(',')
                .Append(NabFormat.FormatNumber(anomalyScores[i])).Append(',')
                .Append(labels.WindowOf(i) >= 0 ? '1' : '0').Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>
    /// Finds the detector folder in <paramref name="path"/>: the folder itself when it holds category folders of
    /// <c>&lt;name&gt;_&lt;file&gt;.csv</c> files (for example <c>results/numenta</c>), or its only subfolder that does.
    /// </summary>
    public static string ResolveDetectorFolder(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"results folder not found: {path}");
        }

        if (HoldsResults(full))
        {
            return full;
        }

        var detectors = Directory.EnumerateDirectories(full).Where(HoldsResults).ToList();
        return detectors.Count switch
        {
            1 => detectors[0],
            0 => throw new InvalidDataException(
                $"{path} holds no NAB results: expected '<detector>/<category>/<detector>_<file>.csv' or '<category>/<detector>_<file>.csv'."),
            _ => throw new InvalidDataException(
                $"{path} holds results of several detectors ({string.Join(", ", detectors.Select(Path.GetFileName))}): name one of their folders."),
        };
    }

    /// <summary>Reads every results file of a detector folder, keyed by the data file it scores (<c>category/file.csv</c>).</summary>
    public static IReadOnlyList<(string RelativePath, DateTime[] Timestamps, double[] AnomalyScores)> Read(string detectorFolder)
    {
        var detectorName = Path.GetFileName(detectorFolder);
        var prefix = detectorName + "_";
        var files = new List<(string, DateTime[], double[])>();
        foreach (var category in Directory.EnumerateDirectories(detectorFolder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(category, prefix + "*.csv").Order(StringComparer.Ordinal))
            {
                var relativePath = $"{Path.GetFileName(category)}/{Path.GetFileName(file)[prefix.Length..]}";
                var (timestamps, scores) = NabCsv.Read(file, "anomaly_score");
                files.Add((relativePath, timestamps, scores));
            }
        }

        return files;
    }

    private static bool HoldsResults(string folder)
    {
        var prefix = Path.GetFileName(folder) + "_";
        return Directory.EnumerateDirectories(folder).Any(category => Directory.EnumerateFiles(category, prefix + "*.csv").Any());
    }
}
