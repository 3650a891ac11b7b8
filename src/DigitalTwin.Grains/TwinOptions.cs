namespace DigitalTwin.Grains;

/// <summary>
/// Cadences and bounds of the twins, bound by the host from the configuration section <see cref="SectionName"/>.
/// Every bound exists so that no twin grows without limit whatever its devices send.
/// </summary>
public sealed class TwinOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "DigitalTwin:Twins";

    /// <summary>How often a twin sends its rollup to its parent (only when something changed).</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a changed twin writes its state and flushes closed history buckets.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many raw readings per metric the recent window keeps.</summary>
    public int RecentWindowSize { get; set; } = 120;

    /// <summary>
    /// How many recent points one twin keeps across all its metrics' windows (each still at most
    /// <see cref="RecentWindowSize"/>): windows grow with use while the twin has room, so a twin with a few metrics has
    /// full windows and one sent dozens of names holds no more than this.
    /// </summary>
    public int MaxRecentPointsPerTwin { get; set; } = 2048;

    /// <summary>How many distinct metrics one twin tracks; readings of further metrics are refused.</summary>
    public int MaxMetricsPerTwin { get; set; } = 64;

    /// <summary>
    /// How many of those metrics may be names the twin's topology does not declare (declared: the well-known names,
    /// and the names of the twin's limits, ratings and wear signals); readings of further undeclared names are refused
    /// as <c>too_many_metrics</c>. Each accepted name keeps a latest value, history and a history grain per day, so a
    /// device sending junk names is held to this many.
    /// </summary>
    public int MaxUndeclaredMetricsPerTwin { get; set; } = 32;

    /// <summary>
    /// How long (silo time, from its first reading in the twin's current activation) an undeclared metric stays on
    /// probation: it keeps its latest value and history, but at most <see cref="ProbationWindowSize"/> recent points
    /// and no anomaly or stuck-sensor detector. A name that keeps being sent this long earns the full window and a
    /// detector (within <see cref="MaxDetectorsPerTwin"/>); a declared metric never waits. Zero turns probation off.
    /// </summary>
    public TimeSpan UndeclaredMetricProbation { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many recent points a metric on probation keeps (see <see cref="UndeclaredMetricProbation"/>).</summary>
    public int ProbationWindowSize { get; set; } = 8;

    /// <summary>How far in the future a reading's timestamp may lie (device clocks drift).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a reading may be; older ones are refused as stale.</summary>
    public TimeSpan MaxReadingAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long after its minute ends a history bucket stays open for late readings before it is flushed.
    /// Readings later still are merged into the stored bucket by a second flush.
    /// </summary>
    public TimeSpan HistoryGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long closed history buckets may wait in the twin's own state (which is written at every checkpoint and
    /// read with the history) before they are moved to the history grains, all at once. A history grain holds a day
    /// and is read and written whole on every move, so moving each minute as it closed cost the demo's 4,121 twins
    /// about 12,000 activations, reads and writes of day-long rows a minute; ten minutes cost a tenth. Zero moves
    /// every bucket at the first checkpoint after it closed.
    /// </summary>
    public TimeSpan HistoryFlushAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many days of one-minute history a twin keeps; older days are cleared when a day rolls over.</summary>
    public int HistoryRetentionDays { get; set; } = 30;

    /// <summary>How many days one history query may span.</summary>
    public int MaxHistoryQueryDays { get; set; } = 31;

    /// <summary>How long a descendant query waits for subtrees when the query gives no timeout.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many member calls the topology grain has in flight at once while applying a change.</summary>
    public int ApplyParallelism { get; set; } = 32;

    /// <summary>
    /// How many first states of newly created twins an import writes to storage at once (the embedded store commits
    /// them in groups; PostgreSQL takes them on its pooled connections).
    /// </summary>
    public int ImportWriteParallelism { get; set; } = 256;

    /// <summary>How often the topology grain retries a change that failed halfway.</summary>
    public TimeSpan PendingRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent commands an asset keeps.</summary>
    public int MaxCommands { get; set; } = 50;

    /// <summary>How many alerts (open and resolved) a twin keeps; the oldest resolved ones go first.</summary>
    public int MaxAlerts { get; set; } = 100;

    /// <summary>
    /// How many of a twin's metrics go into its report to its parent (the well-known ones first, then others as first
    /// seen); the parent keeps one report per child, so this bounds what a container holds whatever its children's
    /// devices send.
    /// </summary>
    public int MaxReportedMetrics { get; set; } = 16;

    /// <summary>How many metrics per twin get an anomaly detector (the first ones seen); detectors live in memory.</summary>
    public int MaxDetectorsPerTwin { get; set; } = 16;

    /// <summary>
    /// The anomaly score (0..1) at which a twin raises an alert. Stricter than the detector's NAB threshold (0.75):
    /// NAB rewards early detections, an alert asks a person to act. Chosen by <c>dt eval alert-threshold</c> on 4 hours
    /// of the demo data centre's fault-free running (4,082 twins, 680 twin-days): the lowest threshold whose false-alert
    /// rate is within 0.5 per 100 twin-days at 95 % confidence (0.85 raised 2 alerts, 0.86 none).
    /// </summary>
    public double AlertThreshold { get; set; } = 0.86;

    /// <summary>How many normal readings in a row resolve an open anomaly alert.</summary>
    public int AlertClearReadings { get; set; } = 10;

    /// <summary>
    /// How long (in reading time) a limit must stay crossed before its alert is raised, escalated or calmed, and
    /// stay clear before it resolves: a single noisy reading neither raises nor clears a limit alert.
    /// </summary>
    public TimeSpan LimitDebounce { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far back inside a limit a value must come, as a share of the limit's size, before the limit counts as
    /// clear (0.02: an alert above 27 °C clears below 26.46 °C), so a value hovering at the limit does not flap.
    /// </summary>
    public double LimitHysteresis { get; set; } = 0.02;

    /// <summary>How long (in reading time) an asset must fail, or do, its job before its role alert is raised or resolved.</summary>
    public TimeSpan RoleDebounce { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often (in reading time) a server compares its inlet and outlet with its rack's other servers, to find a drifting sensor.</summary>
    public TimeSpan SensorPeerInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How fast the learned offset of a server's inlet from its rack peers follows slow change (half-life; reading time).</summary>
    public TimeSpan SensorDriftHalfLife { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often a data centre with open alerts groups them into incidents.</summary>
    public TimeSpan IncidentInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many incidents (open and resolved) a data centre keeps; the oldest resolved ones go first.</summary>
    public int MaxIncidents { get; set; } = 200;

    /// <summary>
    /// How far ahead a cooling incident's forecast looks (the what-if of its room with its stopped CRACs kept stopped);
    /// zero turns the forecasts off.
    /// </summary>
    public TimeSpan IncidentForecastHorizon { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The horizon of failure predictions.</summary>
    public TimeSpan PredictionHorizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How fast degradation trends forget old readings (the age at which a reading counts half).</summary>
    public TimeSpan DegradationHalfLife { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How old the latest readings a wear forecast is checked against may be (the last twelve, at most this old;
    /// see <see cref="DegradationHalfLife"/>): a failure in sight is acted on only while they still move towards it at
    /// no less than half the long trend's pace (or are too few to tell), so a fan slowing back to its usual speed after
    /// running fast in hot air is not taken for a wearing one.
    /// </summary>
    public TimeSpan DegradationRecentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How far ahead a degradation trend may be extrapolated, as a multiple of the history it was read from, before
    /// a prediction acts on it.
    /// </summary>
    public double MaxTrendExtrapolation { get; set; } = 3.0;

    /// <summary>
    /// How long a twin (or a day of a metric's history) stays in memory without being called before the silo
    /// deactivates it (Orleans' collection age for these grain classes; Orleans' default is 15 minutes). It comes
    /// back from storage, with its state, on the next call. Shorter keeps a large fleet's memory to the twins in use.
    /// </summary>
    public TimeSpan IdleDeactivateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A twin that has received no reading for this long is of Unknown health: its last values no longer describe it.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
