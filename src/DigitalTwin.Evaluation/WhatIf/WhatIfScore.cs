namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// How a what-if answer compares with what then happened: the predicted and the actual time until the first rack
/// crosses its limit, the relative error of that time, and the mean absolute inlet error over the horizon across all
/// racks (the prediction's step grid; the truth interpolated onto it).
/// </summary>
public sealed record WhatIfScore(double? PredictedS, double? ActualS, string? PredictedRackId, string? ActualRackId, double ErrorPct, double InletMaeC, int Samples,
    IReadOnlyList<RackScore> Racks)
{
    /// <summary>The error given when one side crosses within the horizon and the other does not: the whole horizon is missed.</summary>
    public const double MissPct = 100;

    /// <summary>Scores <paramref name="predicted"/> (series at <paramref name="stepS"/> from the failure) against <paramref name="observed"/> over <paramref name="horizonS"/>.</summary>
    public static WhatIfScore Compare(IReadOnlyList<PredictedRack> predicted, IReadOnlyList<ObservedInlets> observed, double stepS, double horizonS)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(observed);
        var truth = observed.Where(o => o.AtS >= 0 && o.AtS <= horizonS + stepS).OrderBy(o => o.AtS).ToList();
        double errorSum = 0;
        var samples = 0;
        (double At, string Id)? actualFirst = null;
        var racks = new List<RackScore>();
        foreach (var rack in predicted)
        {
            var series = truth.Where(o => o.MaxInletC.ContainsKey(rack.Id)).Select(o => (o.AtS, Value: o.MaxInletC[rack.Id])).ToList();
            if (series.Count == 0) continue;
            double rackSum = 0;
            var rackSamples = 0;
            for (var k = 0; k < rack.SeriesC.Count && k * stepS <= horizonS; k++)
            {
                if (Interpolate(series, k * stepS) is { } actual)
                {
                    rackSum += Math.Abs(rack.SeriesC[k] - actual);
                    rackSamples++;
                }
            }
            errorSum += rackSum;
            samples += rackSamples;
            var crossed = Crossing(series, rack.LimitC, horizonS);
            if (crossed is { } at && (actualFirst is null || at < actualFirst.Value.At)) actualFirst = (at, rack.Id);
            racks.Add(new RackScore(rack.Id, rack.TimeToLimitS, crossed, rack.SeriesC.Take((int)(horizonS / stepS) + 1).DefaultIfEmpty(double.NaN).Max(),
                series.Where(x => x.AtS <= horizonS).Select(x => x.Value).DefaultIfEmpty(double.NaN).Max(), rackSamples > 0 ? rackSum / rackSamples : double.NaN));
        }
        var predictedFirst = predicted.Where(r => r.TimeToLimitS is not null).OrderBy(r => r.TimeToLimitS).FirstOrDefault();
        double? p = predictedFirst?.TimeToLimitS, a = actualFirst?.At;
        var errorPct = (p, a) switch
        {
            (null, null) => 0,
            ({ } pv, { } av) => 100 * (pv - av) / Math.Max(av, stepS),
            _ => MissPct,
        };
        return new WhatIfScore(p, a, predictedFirst?.Id, actualFirst?.Id, errorPct, samples > 0 ? errorSum / samples : double.NaN, samples, racks);
    }

    private static double? Interpolate(List<(double AtS, double Value)> series, double at)
    {
        if (at < series[0].AtS - 1e-9 || at > series[^1].AtS + 1e-9) return null;
        for (var i = 1; i < series.Count; i++)
        {
            if (series[i].AtS < at) continue;
            var (t0, v0) = series[i - 1];
            var (t1, v1) = series[i];
            return t1 - t0 <= 1e-9 ? v1 : v0 + (v1 - v0) * (at - t0) / (t1 - t0);
        }
        return series[^1].Value;
    }

    // The first instant the series reaches the limit (linear between samples), within the horizon.
    private static double? Crossing(List<(double AtS, double Value)> series, double limit, double horizonS)
    {
        for (var i = 0; i < series.Count && series[i].AtS <= horizonS; i++)
        {
            if (series[i].Value < limit) continue;
            if (i == 0) return series[0].AtS;
            var (t0, v0) = series[i - 1];
            var (t1, v1) = series[i];
            return t0 + (limit - v0) / (v1 - v0) * (t1 - t0);
        }
        return null;
    }
}
