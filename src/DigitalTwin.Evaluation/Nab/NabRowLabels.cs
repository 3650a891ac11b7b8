namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// One file's windows expanded to its rows, exactly as NAB's sweeper walks them: which rows are probationary, which
/// window a row lies in, and what a detection at each row would be worth before the profile's weights.
/// </summary>
public sealed class NabRowLabels
{
    private readonly int[] _window;
    private readonly double[] _reward;

    private NabRowLabels(int probationLength, int[] window, double[] reward, int windowCount, int scoredWindowCount)
    {
        ProbationLength = probationLength;
        _window = window;
        _reward = reward;
        WindowCount = windowCount;
        ScoredWindowCount = scoredWindowCount;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount => _window.Length;

    /// <summary>The first min(floor(0.15 n), 750) rows, which are not scored.</summary>
    public int ProbationLength { get; }

    /// <summary>Windows of the file.</summary>
    public int WindowCount { get; }

    /// <summary>Windows with at least one row after the probationary period: those that can be missed.</summary>
    public int ScoredWindowCount { get; }

    /// <summary>The window (0-based, in time order) row <paramref name="row"/> lies in, or -1 outside all windows.</summary>
    public int WindowOf(int row) => _window[row];

    /// <summary>
    /// Unweighted worth of a detection at <paramref name="row"/>: inside a window sigma(y)/sigma(-1), in (0, 1];
    /// outside, sigma of the distance from the last window that ended, in [-1, 0].
    /// </summary>
    public double RewardAt(int row) => _reward[row];

    /// <summary>The probationary period NAB applies to a file of <paramref name="rowCount"/> rows.</summary>
    public static int ProbationLengthFor(int rowCount) => (int)Math.Min(Math.Floor(0.15 * rowCount), 750);

    /// <summary>
    /// Expands <paramref name="windows"/> over <paramref name="timestamps"/>. As in NAB, a window is entered at the row
    /// whose timestamp equals its start and left after the row whose timestamp equals its end; its width counts rows
    /// between the first occurrences of both timestamps.
    /// </summary>
    public static NabRowLabels Build(IReadOnlyList<DateTime> timestamps, IReadOnlyList<NabWindow> windows, string source)
    {
        var n = timestamps.Count;
        var firstRow = new Dictionary<DateTime, int>(n);
        for (var i = 0; i < n; i++)
        {
            firstRow.TryAdd(timestamps[i], i);
        }

        foreach (var w in windows)
        {
            if (!firstRow.ContainsKey(w.Start) || !firstRow.ContainsKey(w.End))
            {
                throw new InvalidDataException(
                    $"{source}: window [{NabFormat.FormatTimestamp(w.Start)}, {NabFormat.FormatTimestamp(w.End)}] does not start and end on rows of the file.");
            }
        }

        var probation = ProbationLengthFor(n);
        var window = new int[n];
        var reward = new double[n];
        var next = 0;
        var current = -1;
        int currentRight = 0, currentWidth = 0;
        int previousRight = -1, previousWidth = 0;
        var scored = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            if (next < windows.Count && timestamps[i] == windows[next].Start)
            {
                current = next++;
                currentRight = firstRow[windows[current].End];
                currentWidth = currentRight - firstRow[windows[current].Start] + 1;
            }

            if (current >= 0)
            {
                window[i] = current;
                reward[i] = NabSigmoid.Scaled(-(currentRight - i + 1) / (double)currentWidth) / NabSigmoid.LeftEdge;
                if (i >= probation)
                {
                    scored.Add(current);
                }
            }
            else
            {
                window[i] = -1;
                var distance = previousRight < 0 ? 3.0 : Math.Abs(previousRight - i) / (double)(previousWidth - 1);
                reward[i] = NabSigmoid.Scaled(distance);
            }

            if (current >= 0 && timestamps[i] == windows[current].End)
            {
                previousRight = i;
                previousWidth = currentWidth;
                current = -1;
            }
        }

        return new NabRowLabels(probation, window, reward, windows.Count, scored.Count);
    }
}
