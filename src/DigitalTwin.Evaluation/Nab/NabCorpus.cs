namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// The NAB corpus as laid out in NAB's repository: <c>data/&lt;category&gt;/&lt;file&gt;.csv</c> and
/// <c>labels/combined_windows.json</c> under one folder.
/// </summary>
public sealed class NabCorpus
{
    private NabCorpus(string root, IReadOnlyList<NabSeries> files, IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> windows)
    {
        Root = root;
        Files = files;
        Windows = windows;
    }

    /// <summary>The NAB folder the corpus was read from.</summary>
    public string Root { get; }

    /// <summary>The data files, ordered by relative path.</summary>
    public IReadOnlyList<NabSeries> Files { get; }

    /// <summary>Each file's anomaly windows, keyed by relative path.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> Windows { get; }

    /// <summary>The windows file of a NAB folder.</summary>
    public static string WindowsPath(string root) => Path.Combine(root, "labels", "combined_windows.json");

    /// <summary>
    /// Finds the NAB root from what a user typed: the root itself (holding <c>data</c> and <c>labels</c>) or its
    /// <c>data</c> folder. Returns null when neither fits.
    /// </summary>
    public static string? ResolveRoot(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(Path.Combine(full, "data")) && File.Exists(WindowsPath(full)))
        {
            return full;
        }

        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        return parent is not null && Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) == "data" && File.Exists(WindowsPath(parent))
            ? parent
            : null;
    }

    /// <summary>Loads every data file and the windows; a data file with no entry in the windows file is an error.</summary>
    public static NabCorpus Load(string path)
    {
        var root = ResolveRoot(path)
            ?? throw new DirectoryNotFoundException(
                $"{path} is not a NAB folder: expected 'data/<category>/<file>.csv' and 'labels/combined_windows.json' under it.");
        var windows = NabLabels.LoadWindows(WindowsPath(root));
        var dataFolder = Path.Combine(root, "data");
        var paths = Directory.EnumerateDirectories(dataFolder)
            .SelectMany(category => Directory.EnumerateFiles(category, "*.csv"))
            .Select(file => Path.GetRelativePath(dataFolder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            throw new InvalidDataException($"{dataFolder} holds no '<category>/<file>.csv' files.");
        }

        var files = new List<NabSeries>(paths.Count);
        foreach (var relativePath in paths)
        {
            if (!windows.ContainsKey(relativePath))
            {
                throw new InvalidDataException($"{WindowsPath(root)} has no entry for data file {relativePath}.");
            }

            var (timestamps, values) = NabCsv.Read(Path.Combine(dataFolder, relativePath), "value");
            files.Add(new NabSeries(relativePath, timestamps, values));
        }
        return new NabCorpus(root, files, windows);
    }
}
