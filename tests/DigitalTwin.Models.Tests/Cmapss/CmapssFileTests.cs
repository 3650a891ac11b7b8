using DigitalTwin.Evaluation.Cmapss;

namespace DigitalTwin.Models.Tests.Cmapss;

public sealed class CmapssFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmapss-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_every_engine_of_the_training_file()
    {
        var units = CmapssFile.ReadUnits(CmapssData.TrainPath);

        Assert.Equal(100, units.Count);
        Assert.Equal(20631, units.Sum(u => u.Cycles.Count));
        Assert.All(units, u => Assert.Equal(24, u.ChannelCount));
        Assert.Equal("1", units[0].UnitId);
        Assert.Equal(192, units[0].Cycles.Count);
    }

    [Fact]
    public void Refuses_a_row_with_missing_columns_naming_the_line()
    {
        var path = Write("bad.txt", Row(1, 1), Row(1, 2), "1 3 0.1 0.2");

        var error = Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(path));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Refuses_a_value_that_is_not_a_number()
    {
        var path = Write("bad.txt", Row(1, 1).Replace("518.67", "abc"));

        var error = Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(path));
        Assert.Contains("'abc'", error.Message);
    }

    [Fact]
    public void Refuses_cycles_that_skip_or_units_that_are_split()
    {
        var skipped = Write("skip.txt", Row(1, 1), Row(1, 3));
        var split = Write("split.txt", Row(1, 1), Row(2, 1), Row(1, 2));

        Assert.Contains("cycle 3 follows cycle 1", Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(skipped)).Message);
        Assert.Contains("not contiguous", Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(split)).Message);
    }

    [Fact]
    public void Refuses_a_missing_or_empty_file()
    {
        Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(Path.Combine(_folder, "absent.txt")));
        Assert.Throws<InvalidDataException>(() => CmapssFile.ReadUnits(Write("empty.txt", "")));
    }

    [Fact]
    public void Refuses_a_rul_file_with_the_wrong_number_of_units()
    {
        var path = Write("rul.txt", "112", "98");

        Assert.Equal([112.0, 98.0], CmapssFile.ReadRul(path, 2));
        Assert.Contains("2 remaining-life values for 3 test units", Assert.Throws<InvalidDataException>(() => CmapssFile.ReadRul(path, 3)).Message);
        Assert.Throws<InvalidDataException>(() => CmapssFile.ReadRul(Write("neg.txt", "-4"), 1));
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Row(int unit, int cycle) =>
        $"{unit} {cycle} -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190";
}
