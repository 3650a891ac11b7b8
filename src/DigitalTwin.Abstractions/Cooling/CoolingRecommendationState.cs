namespace DigitalTwin.Abstractions.Cooling;

/// <summary>Where a cooling recommendation stands. Only a <see cref="Pending"/> one can be approved or rejected.</summary>
public enum CoolingRecommendationState
{
    /// <summary>Offered, waiting for an operator (or the automatic mode) until it expires.</summary>
    Pending = 0,
    /// <summary>Approved; its commands are out and the devices' acknowledgements are awaited.</summary>
    Applying = 1,
    /// <summary>Every device acknowledged; the outcome is being watched against the prediction.</summary>
    Watching = 2,
    /// <summary>Watched for the whole watch period without an inlet passing its limit; still guarded while in effect.</summary>
    Applied = 3,
    /// <summary>An inlet passed its limit; the previous setpoints are being restored.</summary>
    RollingBack = 4,
    /// <summary>The previous setpoints were restored after an inlet passed its limit.</summary>
    RolledBack = 5,
    /// <summary>A device refused or did not answer; the commands already applied are being reverted.</summary>
    Reverting = 6,
    /// <summary>Could not be applied whole; whatever was applied was reverted.</summary>
    Failed = 7,
    /// <summary>Rejected by an operator.</summary>
    Rejected = 8,
    /// <summary>Not approved before it expired.</summary>
    Expired = 9,
    /// <summary>A newer recommendation replaced it before it was approved.</summary>
    Superseded = 10,
}
