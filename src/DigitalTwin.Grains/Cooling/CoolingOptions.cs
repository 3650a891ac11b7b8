namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// The cooling loop's settings, bound by the host from <see cref="SectionName"/>. Times marked "twin time" run on
/// the twins' clock (scaled in evaluations); network waits run on the wall clock, because a device answers in real
/// seconds whatever the simulated clock does.
/// </summary>
public sealed class CoolingOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "DigitalTwin:Cooling";

    /// <summary>Highest inlet a rack may reach, °C (ASHRAE's recommended top); a rack's own lower limit wins.</summary>
    public double InletLimitC { get; set; } = 27;

    /// <summary>How far below its limit the optimiser keeps every predicted inlet, K.</summary>
    public double SafetyMarginK { get; set; } = 1.0;

    /// <summary>
    /// Least cold air every rack must get, as a multiple of what its servers draw now (the model's supply share). It
    /// keeps the optimiser out of recirculation, which the room model, calibrated at ample airflow, predicts least
    /// well: servers draw more air as their inlets warm (their fans speed up; the model keeps today's draw), and how
    /// a CRAC's air spreads over the racks is a topology default unless the history shows it. 0 turns the floor off.
    /// </summary>
    public double MinColdAirShare { get; set; } = 1.3;

    /// <summary>
    /// The critical inlet limit N+1 is judged against, °C (ASHRAE A1's allowable top, the servers' usual critical limit):
    /// after the loss of any one CRAC from the recommended settings, with the loop responding after
    /// <see cref="FailureResponseTime"/>, no rack may reach it (or, for a loss the room does not survive even at its
    /// present settings, reach it sooner than it would today). 0 leaves N+1 at the new settings unjudged.
    /// </summary>
    public double FailureInletLimitC { get; set; } = 32;

    /// <summary>
    /// How far below <see cref="FailureInletLimitC"/> the optimiser keeps every rack's predicted peak after a loss, K:
    /// the room model's own error on a starved rack, as <see cref="SafetyMarginK"/> is on the steady inlets. Measured
    /// against the simulator's rooms (400 servers, seeds 1-4, the first end unit lost with a 5 s answer), with each
    /// unit's air shared as the floor takes it and the servers' fans where the recommended inlets put them: the model's
    /// peak after the loss fell 1.4-2.5 K short of the simulator's (its top servers breathe the exhaust within a second
    /// of the loss), so 1 K let seed 2 reach 32.14 °C; with 2 K the racks reached 29.8-31.6 °C. 2 K.
    /// </summary>
    public double FailureMarginK { get; set; } = 2.0;

    /// <summary>
    /// How long the loop takes to answer a stopped CRAC (twin time): the telemetry that shows it stopped, the loop's
    /// check, the rollback's commands reaching the room's other units, which then go to full cooling (lowest setpoint,
    /// full fan). The optimiser's N+1 check counts on exactly this, so set it to what the site's telemetry interval and
    /// command path really take.
    /// </summary>
    public TimeSpan FailureResponseTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// N+1 air floor: after the loss of any one CRAC at the recommended settings, before anything responds, no rack may
    /// get less cold air for what it draws than it would after that loss at the present settings, up to this multiple
    /// of its draw (the same ample share as <see cref="MinColdAirShare"/>; 0 turns the floor off). The room model cannot
    /// see from a steady history how much of a lost unit's air its neighbours make up; relative to today its error
    /// there largely cancels, and a rack with this much air to spare is not starved by it.
    /// </summary>
    public double FailureColdAirShare { get; set; } = 1.3;

    /// <summary>How long a recommendation may wait for approval (twin time).</summary>
    public TimeSpan RecommendationLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a device has to acknowledge a command (wall clock).</summary>
    public TimeSpan AcknowledgementTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the outcome of an applied recommendation is watched before it is judged (twin time).</summary>
    public TimeSpan WatchPeriod { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Cooling power is averaged over the last part of the watch period, after the room settled: this share.</summary>
    public double MeasureShareOfWatch { get; set; } = 0.5;

    /// <summary>How long after it took effect the newest applied recommendation stays guarded against inlets passing their limits (twin time).</summary>
    public TimeSpan GuardPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the loop checks acknowledgements, inlets and the automatic mode (wall clock).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A unit whose present setpoint differs from the recommendation's "before" by more than this, °C, makes it stale.</summary>
    public double StaleSetpointToleranceC { get; set; } = 0.25;

    /// <summary>
    /// How much telemetry history (one-minute means, twin time) the optimiser's thermal model is calibrated on; zero
    /// calibrates on the latest readings alone.
    /// </summary>
    public TimeSpan CalibrationWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How many history reads the calibration keeps in flight at once.</summary>
    public int CalibrationParallelism { get; set; } = 32;

    /// <summary>How many recommendations are kept, newest first; older finished ones are dropped.</summary>
    public int MaxRecommendations { get; set; } = 50;

    /// <summary>How many trail entries one recommendation keeps (the first, then the newest).</summary>
    public int MaxTrailEntries { get; set; } = 200;

    /// <summary>The automatic mode and its guard rails.</summary>
    public AutomaticCoolingOptions Automatic { get; set; } = new();
}
