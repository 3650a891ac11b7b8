using System.Globalization;
using DigitalTwin.Evaluation.Cmapss;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Tests.Cmapss;

/// <summary>The remaining-life model on NASA's C-MAPSS FD001 (simulated turbofan degradation, not field data).</summary>
public sealed class RemainingLifeModelTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<UnitHistory>> Training = new(() => CmapssFile.ReadUnits(CmapssData.TrainPath));
    private readonly string _folder = Directory.CreateTempSubdirectory("cmapss-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Held_out_engines_are_predicted_far_better_than_the_mean_baseline()
    {
        var result = CmapssValidation.Run(Training.Value, new RemainingLifeOptions(), new CmapssValidationOptions());

        // Measured: RMSE 12.00, NASA 239 against the baseline's 44.4 and 41,000 (5 folds, 3 cuts per engine).
        Assert.Equal(100, result.Engines);
        Assert.Equal(300, result.Score.Count);
        Assert.True(result.Score.Rmse <= 14, $"validation RMSE {result.Score.Rmse:0.00} above 14");
        Assert.True(result.Score.Rmse < 0.4 * result.BaselineScore.Rmse, $"RMSE {result.Score.Rmse:0.00} vs baseline {result.BaselineScore.Rmse:0.00}");
        Assert.True(result.Score.NasaScore < 0.05 * result.BaselineScore.NasaScore, $"NASA {result.Score.NasaScore:0} vs baseline {result.BaselineScore.NasaScore:0}");
    }

    [Fact]
    public void Ignores_constant_sensors_and_operating_settings()
    {
        var model = RemainingLifeModel.Train(Training.Value.Take(30).ToArray(), FastOptions);

        // Channels 0-2 are the settings; 3, 7, 8, 12, 18, 20, 21 are sensors 1, 5, 6, 10, 16, 18, 19, flat in FD001.
        int[] uninformative = [0, 1, 2, 3, 7, 8, 12, 18, 20, 21];
        Assert.Empty(model.Channels.Intersect(uninformative));
        Assert.True(model.Channels.Count >= 10, $"only {model.Channels.Count} channels kept");
    }

    [Fact]
    public void Training_twice_gives_identical_predictions()
    {
        var engines = Training.Value.Take(30).ToArray();
        var first = RemainingLifeModel.Train(engines, FastOptions);
        var second = RemainingLifeModel.Train(engines, FastOptions);

        var probes = Training.Value.Skip(30).Take(10).Select(e => e.Truncate(e.Cycles.Count / 2)).ToArray();
        Assert.Equal(probes.Select(first.Predict), probes.Select(second.Predict));
    }

    [Fact]
    public void Predictions_stay_between_zero_and_the_cap()
    {
        var model = RemainingLifeModel.Train(Training.Value.Take(30).ToArray(), FastOptions);

        foreach (var engine in Training.Value.Skip(30).Take(10))
        {
            foreach (var observed in new[] { 1, 5, engine.Cycles.Count / 2, engine.Cycles.Count })
            {
                var rul = model.Predict(engine.Truncate(observed));
                Assert.InRange(rul, 0, model.Options.RulCap);
            }
        }
    }

    [Fact]
    public void Evaluation_scores_a_test_file_against_its_true_remaining_lives()
    {
        // A test set with known truth: the last 20 training engines, cut 10 to 130 cycles before failure.
        var engines = Training.Value;
        var trainPath = WriteUnits("train.txt", engines.Take(80).Select(e => (e, e.Cycles.Count)));
        var cut = engines.Skip(80).Select((e, i) => (Engine: e, Observed: e.Cycles.Count - (10 + 6 * i))).ToArray();
        var testPath = WriteUnits("test.txt", cut.Select(c => (c.Engine, c.Observed)));
        var rulPath = Path.Combine(_folder, "rul.txt");
        File.WriteAllLines(rulPath, cut.Select(c => (c.Engine.Cycles.Count - c.Observed).ToString(CultureInfo.InvariantCulture)));

        var report = CmapssEvaluation.Run(trainPath, testPath, rulPath, validationOptions: new CmapssValidationOptions { Folds = 2, CutsPerEngine = 1 });

        Assert.Equal(20, report.Predictions.Count);
        Assert.NotNull(report.TestScore);
        var truth = cut.Select(c => (double)(c.Engine.Cycles.Count - c.Observed)).ToArray();
        Assert.Equal(RemainingLifeScore.Rmse(report.Predictions, truth), report.TestScore.Rmse, 9);
        // Measured 10.2 on these 20 engines.
        Assert.True(report.TestScore.Rmse <= 16, $"test RMSE {report.TestScore.Rmse:0.00}");
        Assert.Equal(80, report.Validation.Engines);
    }

    private static RemainingLifeOptions FastOptions => new() { Boosting = new GradientBoostingOptions { Trees = 60 } };

    private string WriteUnits(string name, IEnumerable<(UnitHistory Engine, int Observed)> units)
    {
        var path = Path.Combine(_folder, name);
        var lines = new List<string>();
        var unit = 0;
        foreach (var (engine, observed) in units)
        {
            unit++;
            for (var c = 0; c < observed; c++)
                lines.Add($"{unit} {c + 1} " + string.Join(' ', engine.Cycles[c].Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
