using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Evaluation.Nab;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval nab</c>: runs the twins' default anomaly detector over the Numenta Anomaly Benchmark and scores it with
/// NAB's rules, or scores a folder of results another detector wrote in NAB's layout.
/// </summary>
internal static class EvalNabCommand
{
    /// <summary>Folder name the twin's detections are written under, as NAB names a detector's results.</summary>
    private const string DetectorName = "digitaltwin";

    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "NAB folder holding data/<category>/<file>.csv and labels/combined_windows.json "
                          + "(with --score it is optional: by default the labels are read from <results folder>/../../labels).",
        };
        var score = new Option<string>("--score")
        {
            Description = "Score an existing NAB results folder (a detector folder such as results/numenta, "
                          + "or a folder holding exactly one) instead of running the twin's detector.",
        };
        var thresholds = new Option<string>("--thresholds")
        {
            Description = "With --score: NAB thresholds.json; score at the thresholds given there for the detector "
                          + "instead of optimising them.",
        };
        var resultsOut = new Option<string>("--results-out")
        {
            Description = $"Write the detector's scores as a NAB results folder (<folder>/{DetectorName}/<category>/{DetectorName}_<file>.csv).",
        };

        var command = new Command(
            "nab",
            "Score an anomaly detector on the Numenta Anomaly Benchmark. With --data: streams every file through the twins' "
            + "default detector and prints 'NAB ...' (thresholds optimised on the corpus per profile, as NAB's scoreboard does) "
            + $"and 'NAB-FIXED ...' (at the detector's fixed alarm threshold, {AnomalyDetectors.DefaultAlarmThreshold.ToString(CultureInfo.InvariantCulture)}). "
            + "With --score: scores a NAB results folder at optimised thresholds, or at those of --thresholds.");
        command.Options.Add(data);
        command.Options.Add(score);
        command.Options.Add(thresholds);
        command.Options.Add(resultsOut);
        command.SetAction(parseResult =>
        {
            try
            {
                var scorePath = parseResult.GetValue(score);
                var thresholdsPath = parseResult.GetValue(thresholds);
                if (scorePath is null)
                {
                    if (thresholdsPath is not null)
                    {
                        return Fail("--thresholds applies to --score only; the twin's detector is scored at optimised and fixed thresholds.");
                    }

                    var dataPath = parseResult.GetValue(data);
                    return dataPath is null
                        ? Fail("give --data <NAB folder> to run the detector, or --score <results folder> to score results.")
                        : RunDetector(dataPath, parseResult.GetValue(resultsOut));
                }

                return parseResult.GetValue(resultsOut) is not null
                    ? Fail("--results-out applies when running the detector, not with --score.")
                    : ScoreResults(scorePath, parseResult.GetValue(data), thresholdsPath);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static int RunDetector(string dataPath, string? resultsOut)
    {
        if (NabCorpus.ResolveRoot(dataPath) is null)
        {
            return Fail($"{dataPath} is not a NAB folder: expected data/<category>/<file>.csv and labels/combined_windows.json under it.");
        }

        if (resultsOut is not null && File.Exists(resultsOut))
        {
            return Fail($"--results-out {resultsOut} is a file; give a folder (it is created if missing).");
        }

        var clock = Stopwatch.StartNew();
        var corpus = NabCorpus.Load(dataPath);
        var files = NabBenchmark.Run(corpus, AnomalyDetectors.CreateDefault);
        var detectSeconds = clock.Elapsed.TotalSeconds;

        var optimised = NabBenchmark.Optimise(files);
        var fixedThreshold = NabBenchmark.ScoreAt(files, AnomalyDetectors.DefaultAlarmThreshold);
        Console.WriteLine(NabBenchmark.FormatLine("NAB", optimised));
        Console.WriteLine(NabBenchmark.FormatLine("NAB-FIXED", fixedThreshold));
        WriteDetails("optimised", optimised);
        WriteDetails("fixed", fixedThreshold);
        var rows = corpus.Files.Sum(f => f.Values.Length);
        Console.WriteLine(FormattableString.Invariant(
            $"corpus: {corpus.Files.Count} files, {rows} rows, {optimised[0].WindowCount} windows; detector {detectSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s"));

        if (resultsOut is not null)
        {
            foreach (var (series, scored) in corpus.Files.Zip(files))
            {
                NabResultsFolder.Write(resultsOut, DetectorName, series, scored.AnomalyScores, scored.Labels);
            }

            Console.WriteLine($"results: {Path.Combine(Path.GetFullPath(resultsOut), DetectorName)} (NAB layout; score with --score)");
        }

        return 0;
    }

    private static int ScoreResults(string resultsPath, string? dataPath, string? thresholdsPath)
    {
        var detectorFolder = NabResultsFolder.ResolveDetectorFolder(resultsPath);
        string windowsPath;
        if (dataPath is not null)
        {
            var root = NabCorpus.ResolveRoot(dataPath);
            if (root is null)
            {
                return Fail($"{dataPath} is not a NAB folder: expected labels/combined_windows.json under it.");
            }

            windowsPath = NabCorpus.WindowsPath(root);
        }
        else
        {
            // NAB keeps results/<detector>/ beside labels/, so the labels of an unmoved results folder are found.
            windowsPath = Path.GetFullPath(Path.Combine(detectorFolder, "..", "..", "labels", "combined_windows.json"));
            if (!File.Exists(windowsPath))
            {
                return Fail($"no labels at {windowsPath}: give --data <NAB folder>.");
            }
        }

        var detectorName = Path.GetFileName(detectorFolder);
        var files = NabBenchmark.FromResults(NabResultsFolder.Read(detectorFolder), NabLabels.LoadWindows(windowsPath));
        if (files.Count == 0)
        {
            return Fail($"{detectorFolder} holds no results files.");
        }

        IReadOnlyList<NabResult> results;
        if (thresholdsPath is null)
        {
            results = NabBenchmark.Optimise(files);
        }
        else
        {
            var published = NabThresholds.Load(thresholdsPath, detectorName);
            var missing = NabProfile.All.Where(p => !published.ContainsKey(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                return Fail($"{thresholdsPath} has no threshold for {detectorName} under {string.Join(", ", missing)}.");
            }

            results = NabProfile.All.Select(p => NabScorer.Score(files, p, published[p.Name])).ToList();
        }

        Console.WriteLine(NabBenchmark.FormatLine("NAB", results));
        WriteDetails(thresholdsPath is null ? "optimised" : "given", results);
        Console.WriteLine($"detector {detectorName}: {files.Count} files, {files.Sum(f => f.Labels.RowCount)} rows");
        return 0;
    }

    private static void WriteDetails(string kind, IReadOnlyList<NabResult> results)
    {
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {kind} {r.Profile.Name}: threshold={r.Threshold:R} raw={r.RawScore:F4} detected={r.DetectedWindows}/{r.WindowCount} false_positives={r.FalsePositives}"));
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"dt eval nab: {message}");
        return 1;
    }
}
