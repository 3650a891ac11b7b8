using System.Globalization;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// The timeline of <c>dt eval cooling</c> in simulated seconds from the epoch: warm-up, then approval, settling, the
/// measured period, and the CRAC failure after it; and the world both runs simulate.
/// </summary>
internal sealed record CoolingEvaluationPlan(
    int Servers,
    int Rooms,
    int Seed,
    double TimeScale,
    double IntervalS,
    double WarmUpS,
    double SettleS,
    double PeriodS,
    double FailureS,
    string? Fail,
    DateTimeOffset Epoch,
    string Folder,
    bool Offline = false,
    double ResponseS = 10,
    double FailureColdAirShare = 0,
    double FailureLimitC = 32)
{
    /// <summary>Start of the measured period.</summary>
    public double MeasureFromS => WarmUpS + SettleS;

    /// <summary>End of the measured period; the CRAC fails here.</summary>
    public double MeasureToS => MeasureFromS + PeriodS;

    /// <summary>End of both runs.</summary>
    public double EndS => MeasureToS + FailureS;

    /// <summary>The simulated instant <paramref name="seconds"/> after the epoch.</summary>
    public DateTimeOffset At(double seconds) => Epoch + TimeSpan.FromSeconds(seconds);

    /// <summary>Simulator arguments that make both runs the same world: topology, seed, epoch.</summary>
    public IEnumerable<string> World(string topology) =>
        ["--topology", topology, "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--epoch", Epoch.ToString("O", CultureInfo.InvariantCulture)];

    /// <summary>The silo's settings: the simulator's clock.</summary>
    public Dictionary<string, string> SiloSettings(DateTimeOffset anchor) => new()
    {
        ["DigitalTwin:Clock:TimeScale"] = TimeScale.ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Clock:Epoch"] = Epoch.ToString("O", CultureInfo.InvariantCulture),
        ["DigitalTwin:Clock:Anchor"] = anchor.ToString("O", CultureInfo.InvariantCulture),
        ["DigitalTwin:Cooling:FailureResponseTime"] = TimeSpan.FromSeconds(ResponseS).ToString("c", CultureInfo.InvariantCulture),
        ["DigitalTwin:Cooling:FailureColdAirShare"] = FailureColdAirShare.ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Cooling:FailureInletLimitC"] = FailureLimitC.ToString(CultureInfo.InvariantCulture),
        // The loop checks the units it changed every simulated second or two, not every real second: at 30x a real
        // second is half a minute in which racks next to a stopped unit breathe their own exhaust.
        ["DigitalTwin:Cooling:TickInterval"] = TimeSpan.FromSeconds(Math.Max(0.05, 2 / TimeScale)).ToString("c", CultureInfo.InvariantCulture),
    };
}
