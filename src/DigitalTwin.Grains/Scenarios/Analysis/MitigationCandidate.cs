using DigitalTwin.Abstractions.Scenarios;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>A mitigation to try: what it says, and the request changes that do it.</summary>
internal sealed record MitigationCandidate(string Action, ScenarioRequest Changes);
