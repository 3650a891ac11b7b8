namespace DigitalTwin.Abstractions.Health;

/// <summary>The lifecycle of an alert: raised by a twin, acknowledged by an operator, resolved when the condition clears.</summary>
public enum AlertState
{
    /// <summary>Open and not yet seen by an operator.</summary>
    Raised = 0,
    /// <summary>Open and acknowledged by an operator.</summary>
    Acknowledged = 1,
    /// <summary>The condition has cleared.</summary>
    Resolved = 2,
}
