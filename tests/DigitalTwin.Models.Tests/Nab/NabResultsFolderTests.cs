using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

public sealed class NabResultsFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dt-nab-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Written_results_use_NAB_layout_and_score_the_same_when_read_back()
    {
        var timestamps = Enumerable.Range(0, 1000).Select(i => HandBuiltFile.Start.AddMinutes(i)).ToArray();
        var series = new NabSeries("realTest/metric.csv", timestamps, timestamps.Select((_, i) => Math.Sin(i / 10.0)).ToArray());
        var windows = new Dictionary<string, IReadOnlyList<NabWindow>> { [series.RelativePath] = [new(timestamps[500], timestamps[599])] };
        var labels = NabRowLabels.Build(timestamps, windows[series.RelativePath], series.RelativePath);
        var scores = timestamps.Select((_, i) => i is 300 or 520 ? 0.9 : i / 10_000.0).ToArray();
        var original = NabScoredFile.Create(series.RelativePath, labels, scores);

        var path = NabResultsFolder.Write(_folder, "probe", series, scores, labels);
        var readBack = NabBenchmark.FromResults(NabResultsFolder.Read(NabResultsFolder.ResolveDetectorFolder(_folder)), windows);

        Assert.Equal(Path.Combine(_folder, "probe", "realTest", "probe_metric.csv"), path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("timestamp,value,anomaly_score,label", lines[0]);
        Assert.EndsWith(",0.9,1", lines[521]);
        Assert.EndsWith(",0", lines[301]);
        Assert.Equal(series.RelativePath, Assert.Single(readBack).RelativePath);
        Assert.Equal(scores, readBack[0].AnomalyScores);
        foreach (var profile in NabProfile.All)
        {
            Assert.Equal(NabThresholdOptimiser.Optimise([original], profile).RawScore, NabThresholdOptimiser.Optimise(readBack, profile).RawScore, 12);
        }
    }

    [Fact]
    public void Folder_without_results_is_refused_with_a_clear_error()
    {
        Directory.CreateDirectory(_folder);

        var error = Assert.Throws<InvalidDataException>(() => NabResultsFolder.ResolveDetectorFolder(_folder));
        Assert.Contains("no NAB results", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
