using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>
/// The C-MAPSS protocol end to end: cross-validate on the training engines, train on all of them, predict each test
/// engine's remaining life at its last cycle, and score against the true RULs when the caller has them.
/// </summary>
public static class CmapssEvaluation
{
    /// <summary>Reads the files and runs the protocol. Bad files raise <see cref="InvalidDataException"/> naming the line.</summary>
    public static CmapssReport Run(string trainPath, string testPath, string? rulPath, RemainingLifeOptions? modelOptions = null, CmapssValidationOptions? validationOptions = null)
    {
        modelOptions ??= new RemainingLifeOptions();
        validationOptions ??= new CmapssValidationOptions();
        var training = CmapssFile.ReadUnits(trainPath);
        var test = CmapssFile.ReadUnits(testPath);
        if (test[0].ChannelCount != training[0].ChannelCount)
            throw new InvalidDataException($"Test units have {test[0].ChannelCount} channels but training units have {training[0].ChannelCount}.");
        var truth = rulPath is null ? null : CmapssFile.ReadRul(rulPath, test.Count);

        var validation = CmapssValidation.Run(training, modelOptions, validationOptions);
        var model = RemainingLifeModel.Train(training, modelOptions);
        var predictions = test.Select(model.Predict).ToArray();
        var testScore = truth is null ? null : CmapssValidation.Score(predictions, truth, test.Count);
        return new CmapssReport(predictions, validation, testScore);
    }
}
