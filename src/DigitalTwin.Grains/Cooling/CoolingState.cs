using DigitalTwin.Abstractions.Cooling;

namespace DigitalTwin.Grains.Cooling;

/// <summary>What a data centre's cooling loop persists: its recommendations and what is in flight.</summary>
[GenerateSerializer]
public sealed class CoolingState
{
    /// <summary>The last recommendation number given out.</summary>
    [Id(0)] public long Sequence { get; set; }

    /// <summary>Recommendations, newest first (bounded).</summary>
    [Id(1)] public List<CoolingRecommendation> Recommendations { get; set; } = [];

    /// <summary>The recommendation being applied, watched, reverted or rolled back; at most one at a time.</summary>
    [Id(2)] public string? InFlightId { get; set; }

    /// <summary>The newest applied recommendation that is still guarded against inlets passing their limits.</summary>
    [Id(3)] public string? GuardedId { get; set; }

    /// <summary>The commands whose acknowledgements are awaited.</summary>
    [Id(4)] public CommandRound? Round { get; set; }

    /// <summary>When the in-flight or guarded recommendation took effect (twin time).</summary>
    [Id(5)] public DateTimeOffset? InEffectSince { get; set; }

    /// <summary>When the automatic mode last tried (twin time).</summary>
    [Id(6)] public DateTimeOffset? LastAutomaticAt { get; set; }

    /// <summary>Sum of cooling power samples over the measured part of the watch, W.</summary>
    [Id(7)] public double PowerSumW { get; set; }

    /// <summary>Number of cooling power samples.</summary>
    [Id(8)] public int PowerSamples { get; set; }

    /// <summary>Highest rack inlet seen while watching, °C.</summary>
    [Id(9)] public double? MaxInletC { get; set; }

    /// <summary>The rack where it was seen.</summary>
    [Id(10)] public string? HottestRackId { get; set; }

    /// <summary>The automatic mode as an admin set it at runtime; null while the configuration decides.</summary>
    [Id(11)] public bool? AutomaticOverride { get; set; }
}
