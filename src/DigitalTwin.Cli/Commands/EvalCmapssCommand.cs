using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Evaluation.Cmapss;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval cmapss</c>: trains the remaining-life model on NASA C-MAPSS run-to-failure engines, writes one predicted
/// RUL per test engine, and reports cross-validation on held-out training engines (and the test score given true RULs).
/// </summary>
internal static class EvalCmapssCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "Training file (e.g. train_FD001.txt): engines run to failure.", Required = true };
        var test = new Option<string>("--test") { Description = "Test file (e.g. test_FD001.txt): engines cut off before failure.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the predicted RUL of each test engine, one per line in unit order.", Required = true };
        var rul = new Option<string?>("--rul") { Description = "Optional true RULs, one whole number per line in unit order; adds the test RMSE and NASA score." };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation by engine.", DefaultValueFactory = _ => new CmapssValidationOptions().Folds };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2) result.AddError("--folds must be at least 2.");
        });

        var command = new Command("cmapss", "Predict remaining useful life on NASA C-MAPSS (simulated turbofan degradation) and score it.");
        command.Options.Add(train);
        command.Options.Add(test);
        command.Options.Add(output);
        command.Options.Add(rul);
        command.Options.Add(folds);
        command.SetAction(parseResult =>
        {
            var stopwatch = Stopwatch.StartNew();
            var outPath = parseResult.GetValue(output)!;
            // Refuse an unwritable destination before a minute of training, not after.
            var outFolder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (outFolder is null || !Directory.Exists(outFolder))
            {
                Console.Error.WriteLine($"dt eval cmapss: cannot write {outPath}: folder {outFolder} does not exist.");
                return 1;
            }
            var protocol = new CmapssValidationOptions { Folds = parseResult.GetValue(folds) };
            CmapssReport report;
            try
            {
                report = CmapssEvaluation.Run(
                    parseResult.GetValue(train)!,
                    parseResult.GetValue(test)!,
                    parseResult.GetValue(rul),
                    validationOptions: protocol);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dt eval cmapss: {ex.Message}");
                return 1;
            }

            try
            {
                File.WriteAllLines(outPath, report.Predictions.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Console.Error.WriteLine($"dt eval cmapss: cannot write {outPath}: {ex.Message}");
                return 1;
            }

            var v = report.Validation;
            Console.WriteLine($"Wrote {report.Predictions.Count} predicted RULs to {outPath} (C-MAPSS is simulated degradation, not field data).");
            Console.WriteLine(Invariant($"Validation: training engines held out whole in {v.Folds} folds, each cut at {protocol.CutsPerEngine} random cycles (at least {protocol.MinObservedCycles} shown, true RUL at most {protocol.MaxRemainingLife}); NASA score scaled to one prediction per engine."));
            Console.WriteLine(Invariant($"CMAPSS-BASELINE rmse={v.BaselineScore.Rmse:0.00} nasa_score={v.BaselineScore.NasaScore:0.0} (predicting the mean capped RUL)"));
            Console.WriteLine(Invariant($"CMAPSS-VALIDATION rmse={v.Score.Rmse:0.00} nasa_score={v.Score.NasaScore:0.0} engines={v.Engines} folds={v.Folds}"));
            if (report.TestScore is { } score)
                Console.WriteLine(Invariant($"CMAPSS rmse={score.Rmse:0.00} nasa_score={score.NasaScore:0.0}"));
            Console.WriteLine(Invariant($"Elapsed {stopwatch.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
