using System.Diagnostics;
using System.Globalization;

namespace DataCentreSimulator.Running;

/// <summary>
/// How far a live run fell behind its clock: batches it left unpublished to catch up, and the largest lag, said on
/// standard error at most once a real minute so an evaluation's log shows when the machine could not keep up.
/// </summary>
internal sealed class ClockLag
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private long _skipped, _skippedTotal;
    private double _maxBehindS;

    /// <summary>Whether a batch <paramref name="behindS"/> simulated seconds behind the clock is stale already: a fresher one is due.</summary>
    public bool ShouldSkip(double behindS, double intervalS)
    {
        if (behindS < intervalS) return false;
        _skipped++;
        _skippedTotal++;
        _maxBehindS = Math.Max(_maxBehindS, behindS);
        return true;
    }

    /// <summary>Says what was skipped since the last report, once a minute at most.</summary>
    public void Report()
    {
        if (_skipped == 0 || _sinceReport.Elapsed < ReportEvery) return;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulator: {_skipped} batches left unpublished in the last {_sinceReport.Elapsed.TotalSeconds:0} s, up to {_maxBehindS:0} simulated s behind the clock (acknowledgements slower than the time scale allows); publishing the present ({_skippedTotal} so far)"));
        _skipped = 0;
        _maxBehindS = 0;
        _sinceReport.Restart();
    }
}
