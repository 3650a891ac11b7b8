namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// Tells a workload surge from a server's ordinary day: utilisation and power rising together, well above what the
/// server has been doing over the last hour. Each of the two is learned as a slowly moving baseline (exponential, by
/// time, <see cref="BaselineTimeConstant"/>) with its spread (mean absolute deviation). A surge is utilisation at least
/// <see cref="MinimumRisePoints"/> points and <see cref="SpreadMultiple"/> spreads above its baseline while power rose
/// by at least <see cref="MinimumPowerRise"/> of its own baseline, in <see cref="Confirmations"/> samples in a row.
/// The daily cycle moves a baseline an hour long by a few points and noise by its spread, so neither is taken for a
/// surge; power that rises without work (a hot room speeding the fans) or work that costs no power (a wrong counter)
/// is not one either. While a surge lasts its baselines learn four times slower, so a surge is not forgotten within
/// the hour but one that lasts for hours becomes the new normal. Plain arithmetic per sample.
/// </summary>
public sealed class LoadSurgeDetector
{
    /// <summary>Time constant of the baselines.</summary>
    public static readonly TimeSpan BaselineTimeConstant = TimeSpan.FromHours(1);

    /// <summary>The least rise of utilisation, in percentage points, that is a surge.</summary>
    public const double MinimumRisePoints = 20;

    /// <summary>The rise of utilisation must also be this many spreads (mean absolute deviations) of its baseline.</summary>
    public const double SpreadMultiple = 6;

    /// <summary>The least rise of power, as a share of its baseline, that goes with a surge.</summary>
    public const double MinimumPowerRise = 0.08;

    /// <summary>How much reading time to learn from before judging.</summary>
    public static readonly TimeSpan Learning = TimeSpan.FromMinutes(30);

    /// <summary>Samples in a row that must agree before the verdict changes.</summary>
    public const int Confirmations = 2;

    private Baseline _utilisation, _power;
    private DateTimeOffset? _first, _last;
    private int _agreeing;

    /// <summary>Whether a surge is under way (the verdict after the last sample).</summary>
    public bool IsSurging { get; private set; }

    /// <summary>Utilisation's baseline: what the server was doing before the surge, in its units (%).</summary>
    public double UtilisationBaseline => _utilisation.Level;

    /// <summary>Power's baseline, in its units (W).</summary>
    public double PowerBaseline => _power.Level;

    /// <summary>Reads one sample of utilisation (%) and power (W) at <paramref name="at"/> (in time order); returns whether the verdict changed.</summary>
    public bool Observe(DateTimeOffset at, double utilisationPct, double powerW)
    {
        if (!double.IsFinite(utilisationPct) || !double.IsFinite(powerW)) return false;
        if (_last is { } last && at <= last) return false;
        _first ??= at;
        var dt = _last is { } previous ? (at - previous).TotalSeconds : 0;
        _last = at;
        if (dt == 0)
        {
            _utilisation = new Baseline(utilisationPct, 0);
            _power = new Baseline(powerW, 0);
            return false;
        }

        var learned = at - _first.Value >= Learning;
        var surge = learned
            && utilisationPct - _utilisation.Level >= Math.Max(MinimumRisePoints, SpreadMultiple * _utilisation.Spread)
            && powerW - _power.Level >= MinimumPowerRise * Math.Abs(_power.Level);
        // Back below half the rise that makes a surge: over, so a surge hovering at the threshold does not flap.
        var calm = utilisationPct - _utilisation.Level < 0.5 * Math.Max(MinimumRisePoints, SpreadMultiple * _utilisation.Spread);
        var verdict = IsSurging ? !calm : surge;

        var timeConstant = BaselineTimeConstant.TotalSeconds * (IsSurging ? 4 : 1);
        var weight = 1 - Math.Exp(-dt / timeConstant);
        _utilisation = _utilisation.Learn(utilisationPct, weight);
        _power = _power.Learn(powerW, weight);

        if (verdict == IsSurging)
        {
            _agreeing = 0;
            return false;
        }
        if (++_agreeing < Confirmations) return false;
        _agreeing = 0;
        IsSurging = verdict;
        return true;
    }

    private readonly record struct Baseline(double Level, double Spread)
    {
        public Baseline Learn(double value, double weight) =>
            new(Level + weight * (value - Level), Spread + weight * (Math.Abs(value - Level) - Spread));
    }
}
