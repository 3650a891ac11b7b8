namespace DataCentreSimulator.Plant;

/// <summary>A service and the servers it runs on (a workload spike on a service loads all of them).</summary>
internal sealed record Service(string Id, IReadOnlyList<Server> Servers);
