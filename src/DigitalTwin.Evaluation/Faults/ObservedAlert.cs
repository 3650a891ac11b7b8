namespace DigitalTwin.Evaluation.Faults;

/// <summary>An alert the twin raised, as an operator saw it.</summary>
/// <param name="AlertId">Its id (incidents list their alerts by it).</param>
/// <param name="TwinId">The twin that raised it.</param>
/// <param name="Metric">The metric it is about.</param>
/// <param name="AlertKind">What raised it: <c>anomaly</c>, <c>limit</c>, <c>role</c>, ….</param>
/// <param name="FirstSeen">When it was raised, simulated time.</param>
public sealed record ObservedAlert(string AlertId, string TwinId, string Metric, string AlertKind, DateTimeOffset FirstSeen);
