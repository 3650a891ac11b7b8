namespace DataCentreSimulator.Faults;

/// <summary>The fault kinds the simulator injects, by their wire names (CONTRACTS 7).</summary>
internal static class FaultKinds
{
    public const string CracFailure = "crac_failure";
    public const string FanFailure = "fan_failure";
    public const string PsuFailure = "psu_failure";
    public const string DiskDegradation = "disk_degradation";
    public const string WorkloadSpike = "workload_spike";
    public const string StuckSensor = "stuck_sensor";
    public const string DriftingSensor = "drifting_sensor";
    public const string HotSpot = "hot_spot";
    public const string PduFailure = "pdu_failure";
    public const string UpsFailure = "ups_failure";
    public const string FeedFailure = "feed_failure";

    public static readonly IReadOnlyList<string> All =
        [CracFailure, FanFailure, PsuFailure, DiskDegradation, WorkloadSpike, StuckSensor, DriftingSensor, HotSpot, PduFailure, UpsFailure, FeedFailure];

    /// <summary>Kinds that build up over time before the part fails (the twin should predict them).</summary>
    public static bool IsDegradation(string kind) => kind is FanFailure or DiskDegradation;
}
