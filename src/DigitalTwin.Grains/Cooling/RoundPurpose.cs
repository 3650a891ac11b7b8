namespace DigitalTwin.Grains.Cooling;

/// <summary>Why a round of commands went out.</summary>
public enum RoundPurpose
{
    /// <summary>Applying an approved recommendation.</summary>
    Apply = 0,
    /// <summary>Undoing what a failed application applied.</summary>
    Revert = 1,
    /// <summary>Restoring the previous settings after an inlet passed its limit.</summary>
    Rollback = 2,
}
