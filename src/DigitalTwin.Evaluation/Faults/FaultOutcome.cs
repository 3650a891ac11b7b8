namespace DigitalTwin.Evaluation.Faults;

/// <summary>How the twin did on one injected fault.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Detected">Whether an alert (or, for a degradation, a prediction naming its part) caught it in time.</param>
/// <param name="DelayS">Sudden faults: seconds from the start to the first detecting alert; null when none.</param>
/// <param name="LeadH">Degradations: hours from the first prediction naming the part to the failure (0 when none came before it).</param>
/// <param name="FirstAlert">The first detecting alert, if any.</param>
/// <param name="Incident">The incident that last grouped the earliest grouped detecting alert, if any.</param>
/// <param name="CauseRight">Whether that incident names the right cause and twin; null when there was no alert to judge.</param>
public sealed record FaultOutcome(
    InjectedFault Fault,
    bool Detected,
    double? DelayS,
    double? LeadH,
    ObservedAlert? FirstAlert,
    ObservedIncident? Incident,
    bool? CauseRight);
