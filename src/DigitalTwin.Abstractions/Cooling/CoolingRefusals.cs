namespace DigitalTwin.Abstractions.Cooling;

/// <summary>Why a cooling request was refused: the codes of <see cref="CoolingDecision.Code"/>.</summary>
public static class CoolingRefusals
{
    /// <summary>No recommendation has that id.</summary>
    public const string Unknown = "unknown_recommendation";
    /// <summary>The recommendation expired before it was approved.</summary>
    public const string Expired = "expired";
    /// <summary>A newer recommendation replaced it.</summary>
    public const string Superseded = "superseded";
    /// <summary>It is no longer pending (already approved, rejected, failed...).</summary>
    public const string NotPending = "not_pending";
    /// <summary>A recommended setpoint or fan speed lies outside a unit's rated range.</summary>
    public const string OutOfRange = "out_of_range";
    /// <summary>A unit's settings changed since the recommendation was made, so its prediction no longer holds.</summary>
    public const string Stale = "stale";
    /// <summary>Another recommendation is still being applied, watched or rolled back.</summary>
    public const string Busy = "busy";
    /// <summary>The data centre is unknown or has nothing to optimise.</summary>
    public const string NothingToOptimise = "nothing_to_optimise";
    /// <summary>The optimiser could not produce a recommendation.</summary>
    public const string NoRecommendation = "no_recommendation";
    /// <summary>The automatic mode's guard rails forbid applying it.</summary>
    public const string GuardRail = "guard_rail";
}
