namespace DigitalTwin.Abstractions.Cooling;

/// <summary>The steps a recommendation's trail records.</summary>
public static class CoolingTrailSteps
{
    /// <summary>The recommendation was computed and offered.</summary>
    public const string Recommended = "recommended";
    /// <summary>An operator (or the automatic mode) approved it.</summary>
    public const string Approved = "approved";
    /// <summary>An operator rejected it.</summary>
    public const string Rejected = "rejected";
    /// <summary>An approval was refused, with the reason.</summary>
    public const string ApprovalRefused = "approval_refused";
    /// <summary>A command went out to a device.</summary>
    public const string CommandSent = "command_sent";
    /// <summary>A device acknowledged a command.</summary>
    public const string Acknowledged = "acknowledged";
    /// <summary>A device (or the command channel) refused a command.</summary>
    public const string CommandRefused = "command_refused";
    /// <summary>A device did not answer a command in time.</summary>
    public const string NoAnswer = "no_answer";
    /// <summary>Every device acknowledged: the settings are in effect and watched.</summary>
    public const string InEffect = "in_effect";
    /// <summary>The watch period ended: measured cooling power and inlets against the prediction.</summary>
    public const string Outcome = "outcome";
    /// <summary>An inlet passed its limit: the previous settings are being restored.</summary>
    public const string Rollback = "rollback";
    /// <summary>The previous settings are restored.</summary>
    public const string RolledBack = "rolled_back";
    /// <summary>A command failed: what was applied is being reverted.</summary>
    public const string Revert = "revert";
    /// <summary>The recommendation ended as failed.</summary>
    public const string Failed = "failed";
    /// <summary>The loop could not read or command the twins on a tick; it tries again on the next.</summary>
    public const string LoopError = "loop_error";
    /// <summary>It expired unapproved.</summary>
    public const string Expired = "expired";
    /// <summary>A newer recommendation replaced it.</summary>
    public const string Superseded = "superseded";
}
