namespace DigitalTwin.Evaluation.Faults;

/// <summary>An incident the twin opened: the probable cause it named and the alerts it grouped.</summary>
/// <param name="IncidentId">Its id.</param>
/// <param name="Cause">The cause's wire name (<c>cooling</c>, <c>power</c>, <c>airflow</c>, <c>workload</c>, <c>hardware</c>, <c>sensor</c>, <c>unknown</c>).</param>
/// <param name="CauseTwinId">The twin the cause points at.</param>
/// <param name="AlertIds">Every alert it grouped, over its life.</param>
/// <param name="FirstSeen">When it opened (its first alert), simulated time.</param>
/// <param name="LastSeen">When it last changed, simulated time.</param>
public sealed record ObservedIncident(string IncidentId, string Cause, string CauseTwinId, IReadOnlyList<string> AlertIds, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
