using System.Text.Json;

namespace DigitalTwin.Evaluation.Nab;

/// <summary>Reads NAB's <c>labels/combined_windows.json</c>: for each file (<c>category/name.csv</c>) its anomaly windows.</summary>
public static class NabLabels
{
    /// <summary>Loads the windows file; keys use forward slashes, as NAB writes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> LoadWindows(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NAB windows file not found: {path}", path);
        }

        using var stream = File.OpenRead(path);
        var raw = JsonSerializer.Deserialize<Dictionary<string, List<List<string>>>>(stream)
            ?? throw new InvalidDataException($"{path}: empty windows file.");
        var windows = new Dictionary<string, IReadOnlyList<NabWindow>>(StringComparer.Ordinal);
        foreach (var (file, limits) in raw)
        {
            var list = new List<NabWindow>(limits.Count);
            foreach (var pair in limits)
            {
                if (pair.Count != 2)
                {
                    throw new InvalidDataException($"{path}: a window of {file} does not have exactly a start and an end.");
                }

                list.Add(new NabWindow(NabFormat.ParseTimestamp(pair[0], path), NabFormat.ParseTimestamp(pair[1], path)));
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            windows[file.Replace('\\', '/')] = list;
        }

        return windows;
    }
}
