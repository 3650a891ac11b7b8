namespace DigitalTwin.Grains.Scenarios;

/// <summary>
/// Bounds and defaults of what-if scenarios, bound by the host from <see cref="SectionName"/>. Every bound exists so
/// that scenarios never grow without limit: how many may exist at once, how long their shadows live, how long a run
/// may take.
/// </summary>
public sealed class ScenarioOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "DigitalTwin:Scenarios";

    /// <summary>How many scenarios may hold shadows at once in the cluster; further requests are refused.</summary>
    public int MaxConcurrent { get; set; } = 4;

    /// <summary>How long a scenario's shadows and answer are kept after it ran, unless it is ended sooner.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one run may take; a run that takes longer is abandoned and cleaned up.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many grain calls a fork has in flight at once.</summary>
    public int ForkParallelism { get; set; } = 256;

    /// <summary>The most points one rack's series carries; longer runs are thinned to this many (the step grows).</summary>
    public int MaxSeriesPoints { get; set; } = 1441;

    /// <summary>
    /// How much telemetry history (one-minute means of servers and CRACs) the thermal calibration reads, ending now;
    /// zero calibrates from the latest readings and topology defaults alone.
    /// </summary>
    public TimeSpan CalibrationWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// How long (on the twins' clock) a room's calibration from history is reused by later scenarios on the same silo
    /// before the history is read and fitted again. A room's thermal character changes over days, not minutes, and
    /// reading three hours of every server's history is most of a what-if's cost; zero calibrates every scenario afresh.
    /// </summary>
    public TimeSpan CalibrationMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a stopped server takes to come back once power and cooling are, for the drill's recovery time.</summary>
    public TimeSpan ServerRestart { get; set; } = TimeSpan.FromMinutes(5);
}
