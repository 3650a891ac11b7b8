using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

/// <summary>A synthetic NAB file: one row a minute, windows given by row numbers, detections by row numbers.</summary>
internal static class HandBuiltFile
{
    public static readonly DateTime Start = new(2020, 1, 1);

    public static NabScoredFile Create(int rows, IEnumerable<(int First, int Last)> windows, params int[] detections)
    {
        var timestamps = Enumerable.Range(0, rows).Select(i => Start.AddMinutes(i)).ToArray();
        var limits = windows.Select(w => new NabWindow(timestamps[w.First], timestamps[w.Last])).ToList();
        var scores = new double[rows];
        foreach (var row in detections)
        {
            scores[row] = 1.0;
        }

        return NabScoredFile.Create("hand/built.csv", NabRowLabels.Build(timestamps, limits, "hand/built.csv"), scores);
    }

    /// <summary>NAB's scaled sigmoid written out independently of the code under test.</summary>
    public static double Sigma(double y) => y > 3 ? -1 : 2 / (1 + Math.Exp(5 * y)) - 1;
}
