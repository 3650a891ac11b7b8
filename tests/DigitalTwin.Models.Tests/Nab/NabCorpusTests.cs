using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

public sealed class NabCorpusTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dt-nabcorpus-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Corpus_loads_every_file_with_its_windows()
    {
        var corpus = NabCorpus.Load(NabReferenceData.Root);

        Assert.Equal(58, corpus.Files.Count);
        Assert.Equal(116, corpus.Files.Sum(f => corpus.Windows[f.RelativePath].Count));
        Assert.Contains(corpus.Files, f => f.RelativePath == "realKnownCause/nyc_taxi.csv" && f.Values.Length == 10_320);
    }

    [Fact]
    public void Data_folder_resolves_to_its_NAB_root()
    {
        Assert.Equal(Path.GetFullPath(NabReferenceData.Root), NabCorpus.ResolveRoot(Path.Combine(NabReferenceData.Root, "data")));
    }

    [Fact]
    public void Missing_folder_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => NabCorpus.Load(_folder));

        Assert.Contains("is not a NAB folder", error.Message);
    }

    [Fact]
    public void Malformed_row_is_reported_with_file_and_line()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data", "realTest"));
        Directory.CreateDirectory(Path.Combine(_folder, "labels"));
        File.WriteAllText(Path.Combine(_folder, "labels", "combined_windows.json"), """{"realTest/m.csv": []}""");
        File.WriteAllText(Path.Combine(_folder, "data", "realTest", "m.csv"), "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,oops\n");

        var error = Assert.Throws<InvalidDataException>(() => NabCorpus.Load(_folder));

        Assert.Contains("m.csv:3", error.Message);
        Assert.Contains("'oops' is not a number", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
