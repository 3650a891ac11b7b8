using MathNet.Numerics.LinearAlgebra;

namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A CRAC whose supply temperature hunts: its controller swings the supply about the setpoint with a steady period
/// (a limit cycle of valve and coil), which its telemetry shows as a sine over hours. A starving rack follows its
/// unit's supply within seconds, so whether a unit fails on the warm or the cold half of its neighbours' swings moves
/// a rack's crossing by tens of seconds: a simulation carries the swing on from the present.
/// </summary>
/// <param name="AmplitudeC">Half the swing, °C.</param>
/// <param name="PeriodS">Its period, s.</param>
/// <param name="PhaseRad">Its phase at <paramref name="ReferenceAt"/>: the swing is <c>A·sin(2π·t/P + phase)</c> t seconds later.</param>
/// <param name="ReferenceAt">The instant the phase is given for (the history's start).</param>
/// <param name="FitR2">Share of the detrended supply's variance the sine explains.</param>
public sealed record CracHunt(double AmplitudeC, double PeriodS, double PhaseRad, DateTimeOffset ReferenceAt, double FitR2)
{
    /// <summary>The swing <paramref name="afterS"/> seconds after <paramref name="now"/>, °C.</summary>
    public double At(DateTimeOffset now, double afterS) =>
        AmplitudeC * Math.Sin(2 * Math.PI * ((now - ReferenceAt).TotalSeconds + afterS) / PeriodS + PhaseRad);

    /// <summary>Least share of variance a sine must explain to count as a hunt.</summary>
    public const double LeastR2 = 0.6;

    /// <summary>
    /// The hunt in one unit's supply history, or null when no steady swing explains it: a sine (and a straight line for
    /// slow drift) fitted by least squares at every period from four bins to half the history, the best one kept when
    /// it explains at least <see cref="LeastR2"/> of the variance, its amplitude corrected for the bins' averaging.
    /// </summary>
    /// <param name="start">The instant of <paramref name="timesS"/>' zero.</param>
    /// <param name="timesS">Bin start times, s.</param>
    /// <param name="supplyC">Supply temperature per bin (the bin's mean), NaN where nothing was read.</param>
    /// <param name="binS">Bin length, s.</param>
    public static CracHunt? Fit(DateTimeOffset start, IReadOnlyList<double> timesS, IReadOnlyList<double> supplyC, double binS)
    {
        ArgumentNullException.ThrowIfNull(timesS);
        ArgumentNullException.ThrowIfNull(supplyC);
        var points = Enumerable.Range(0, Math.Min(timesS.Count, supplyC.Count))
            .Where(k => double.IsFinite(supplyC[k])).Select(k => (T: timesS[k] + binS / 2, Y: supplyC[k])).ToList();
        if (points.Count < 20 || !(binS > 0)) return null;
        var span = points[^1].T - points[0].T;
        var t0 = points[0].T;
        var y = Vector<double>.Build.Dense([.. points.Select(p => p.Y)]);
        var trend = Matrix<double>.Build.Dense(points.Count, 2, (k, c) => c == 0 ? 1 : (points[k].T - t0) / span);
        var detrended = y - trend * trend.Solve(y);
        var variance = detrended.DotProduct(detrended);
        if (!(variance > 1e-9)) return null;

        (double R2, double Period, double Sin, double Cos)? best = null;
        for (var period = 4 * binS; period <= span / 2; period *= 1.01)
        {
            var w = 2 * Math.PI / period;
            var design = Matrix<double>.Build.Dense(points.Count, 4, (k, c) => c switch
            {
                0 => 1,
                1 => (points[k].T - t0) / span,
                2 => Math.Sin(w * (points[k].T - t0)),
                _ => Math.Cos(w * (points[k].T - t0)),
            });
            var coefficients = design.QR().Solve(y);
            var residual = y - design * coefficients;
            var r2 = 1 - residual.DotProduct(residual) / variance;
            if (best is null || r2 > best.Value.R2) best = (r2, period, coefficients[2], coefficients[3]);
        }
        if (best is not { } fit || fit.R2 < LeastR2) return null;
        // A bin's mean of a sine is the sine at its middle scaled by sinc(π·bin/period).
        var x = Math.PI * binS / fit.Period;
        var amplitude = Math.Sqrt(fit.Sin * fit.Sin + fit.Cos * fit.Cos) / (Math.Sin(x) / x);
        var phase = Math.Atan2(fit.Cos, fit.Sin) - 2 * Math.PI * t0 / fit.Period;
        return new CracHunt(amplitude, fit.Period, phase % (2 * Math.PI), start, fit.R2);
    }
}
