namespace DigitalTwin.Models.SensorFaults;

/// <summary>
/// Tells a drifting sensor from air that really warmed. A server's inlet is compared with its physical peers: the
/// median inlet of the other servers in its rack (the same cold aisle), and the server's own outlet compared with
/// theirs. Each offset (own − peers) is learned as a slowly moving baseline with its spread. When the inlet's offset
/// leaves its baseline by more than <see cref="MinimumShift"/> and six spreads while the outlet's offset has not
/// followed (less than <see cref="FollowShare"/> of the shift), the air did not change: the sensor did. Warmer air
/// reaching the server moves its outlet with the inlet (at once by about a third of the inlet's rise, measured in the
/// simulator at 5 s and 60 s readings, the chassis' heat following over minutes), and a failed CRAC moves the whole
/// rack, so neither is taken for a drifting sensor. Plain arithmetic over samples taken every few minutes, and on
/// the next readings while a verdict on warmer air waits for its confirmation.
/// </summary>
public sealed class PeerDriftDetector
{
    /// <summary>The least shift of the inlet's offset, in its units (°C), that can be judged drift.</summary>
    public const double MinimumShift = 1.5;

    /// <summary>
    /// The outlet following by less than this share of the inlet's shift means the air did not move; by at least this
    /// share, that warmer air arrived. A blocked air path moved the simulator's outlet by 0.30–0.32 of the inlet's step
    /// on the first reading after it (5 s and 60 s readings) and by more later; a drifting sensor moves it by noise only.
    /// For warmer air the step is measured from the last calm sample (minutes before), not from the slow baseline: a
    /// server's outlet wanders with its own workload (the demo's srv-a01-04 by 0.6 °C against its peers in 15 minutes),
    /// which hid a 6 °C hot spot whose outlet followed by 0.30 of the step.
    /// </summary>
    public const double FollowShare = 0.2;

    /// <summary>Samples to learn from before judging a drift (a drift is slow: the offset's spread must be known).</summary>
    public const int LearningSamples = 12;

    /// <summary>
    /// Samples to learn from before judging warmer air: its rise must be <see cref="MinimumWarming"/> anyway, far beyond
    /// the offset's noise, so the offset's level is all it needs: the first sample and one more (a demo's hot spot comes
    /// minutes after the start).
    /// </summary>
    public const int WarmingLearningSamples = 2;

    /// <summary>Samples in a row that must agree before the verdict changes.</summary>
    public const int Confirmations = 2;

    /// <summary>The least rise of the inlet's offset, in its units (°C), that is air warmer at this twin than at its peers.</summary>
    public const double MinimumWarming = 3;

    private readonly TimeSpan _halfLife;
    private readonly TimeSpan _relearnAfter;
    private Offset _inlet, _outlet;
    private double _calmInletOffset, _calmOutletOffset;
    private DateTimeOffset? _lastAt;
    private int _samples, _agreeing;
    private DateTimeOffset? _driftingSince, _unsettledSince;
    private int _warmingAgreeing;

    /// <summary>Creates a detector whose baselines follow slow changes with <paramref name="halfLife"/>; an offset held away for
    /// <paramref name="relearnAfter"/> (a drift, warmer air, or neither) is taken as the new normal (a server moved, a blanking panel fitted).</summary>
    public PeerDriftDetector(TimeSpan halfLife, TimeSpan relearnAfter)
    {
        _halfLife = halfLife;
        _relearnAfter = relearnAfter;
    }

    /// <summary>Whether the sensor is judged drifting.</summary>
    public bool IsDrifting => _driftingSince is not null;

    /// <summary>
    /// Whether the air at this twin warmed and its peers' did not: the inlet's offset rose by at least
    /// <see cref="MinimumWarming"/> and six spreads and the outlet followed (a blocked or recirculating air path here).
    /// </summary>
    public bool IsWarmerThanPeers { get; private set; }

    /// <summary>The inlet offset's shift from its baseline at the last sample.</summary>
    public double Shift { get; private set; }

    /// <summary>The outlet offset's shift from its baseline at the last sample.</summary>
    public double OutletShift { get; private set; }

    /// <summary>
    /// Reads one sample at <paramref name="at"/>: the twin's inlet and outlet and its peers' medians. Returns whether the
    /// verdict changed (see <see cref="IsDrifting"/>); <see cref="IsWarmerThanPeers"/> is judged from the same sample
    /// (<see cref="WarmingChanged"/> says whether that verdict changed).
    /// </summary>
    public bool Observe(DateTimeOffset at, double inlet, double peerInlet, double outlet, double peerOutlet)
    {
        WarmingChanged = false;
        if (!double.IsFinite(inlet) || !double.IsFinite(peerInlet) || !double.IsFinite(outlet) || !double.IsFinite(peerOutlet)) return false;
        if (_lastAt is { } last && at <= last) return false;
        var weight = _lastAt is { } before ? 1 - Math.Pow(0.5, (at - before) / _halfLife) : 1;
        _lastAt = at;
        var inletOffset = inlet - peerInlet;
        var outletOffset = outlet - peerOutlet;
        _samples++;
        if (_samples == 1)
        {
            _inlet = new Offset(inletOffset, 0.2);
            _outlet = new Offset(outletOffset, 0.2);
            (_calmInletOffset, _calmOutletOffset) = (inletOffset, outletOffset);
            return false;
        }
        Shift = inletOffset - _inlet.Baseline;
        OutletShift = outletOffset - _outlet.Baseline;
        var limit = Math.Max(MinimumShift, 6 * _inlet.Spread);
        var calm = Math.Abs(Shift) < Math.Max(MinimumShift / 2, 3 * _inlet.Spread);
        // Warmer air is a step: the outlet's move since the last calm sample against the inlet's, so the outlet's slow
        // wander with the server's own workload does not count for or against it.
        var inletStep = inletOffset - _calmInletOffset;
        var outletStep = outletOffset - _calmOutletOffset;
        var warming = _samples > WarmingLearningSamples && !IsDrifting && Shift >= Math.Max(MinimumWarming, 6 * _inlet.Spread)
            && inletStep > 0 && outletStep >= FollowShare * inletStep;
        // An outlet moving the other way did not follow either; air judged warmer is not a drift.
        var drifting = _samples > LearningSamples && !warming && !IsWarmerThanPeers && Math.Abs(Shift) > limit
            && Math.Sign(Shift) * OutletShift < FollowShare * Math.Abs(Shift);
        WarmingChanged = JudgeWarming(warming, calm);
        // Learn only from samples that look normal, so a drift does not teach the baseline to follow it.
        if (calm)
        {
            _inlet = _inlet.Learn(inletOffset, weight);
            _outlet = _outlet.Learn(outletOffset, weight);
            (_calmInletOffset, _calmOutletOffset) = (inletOffset, outletOffset);
        }
        _unsettledSince = calm ? null : _unsettledSince ?? at;
        // An offset away from its baseline for longer than the relearning time is the new normal (a server moved, a
        // blanking panel fitted), whether it was judged a drift, warmer air or neither: learn it, and end the verdicts.
        if (_unsettledSince is { } since && at - since > _relearnAfter)
        {
            _inlet = new Offset(inletOffset, _inlet.Spread);
            _outlet = new Offset(outletOffset, _outlet.Spread);
            (_calmInletOffset, _calmOutletOffset) = (inletOffset, outletOffset);
            _unsettledSince = null;
            _agreeing = _warmingAgreeing = 0;
            WarmingChanged |= IsWarmerThanPeers;
            IsWarmerThanPeers = false;
            var wasDrifting = IsDrifting;
            _driftingSince = null;
            return wasDrifting;
        }
        var wants = IsDrifting ? !calm : drifting;
        if (wants == IsDrifting)
        {
            _agreeing = 0;
            return false;
        }
        if (++_agreeing < Confirmations) return false;
        _agreeing = 0;
        _driftingSince = wants ? at : null;
        return true;
    }

    /// <summary>Whether <see cref="IsWarmerThanPeers"/> changed at the last sample.</summary>
    public bool WarmingChanged { get; private set; }

    /// <summary>Whether a change of <see cref="IsWarmerThanPeers"/> waits for its confirming sample (take it soon).</summary>
    public bool IsWarmingPending => _warmingAgreeing > 0;

    private bool JudgeWarming(bool warming, bool calm)
    {
        var wants = IsWarmerThanPeers ? !calm : warming;
        if (wants == IsWarmerThanPeers)
        {
            _warmingAgreeing = 0;
            return false;
        }
        if (++_warmingAgreeing < Confirmations) return false;
        _warmingAgreeing = 0;
        IsWarmerThanPeers = wants;
        return true;
    }

    private readonly record struct Offset(double Baseline, double Spread)
    {
        // The spread is a mean absolute deviation, never below 0.05 so a perfectly quiet history still allows noise.
        public Offset Learn(double value, double weight) =>
            new(Baseline + weight * (value - Baseline), Math.Max(0.05, Spread + weight * (Math.Abs(value - Baseline) - Spread)));
    }
}
