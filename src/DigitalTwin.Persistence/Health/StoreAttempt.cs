namespace DigitalTwin.Persistence.Health;

/// <summary>
/// When one attempt at a grain-state operation began, as <see cref="StorageHealth"/> counts time: how many outages had
/// opened and how many had ended. An answer that arrives later is judged against it, so an operation that straddles
/// the start or the end of an outage neither ends nor opens one.
/// </summary>
/// <param name="Outages">Outages opened before the attempt began.</param>
/// <param name="Recoveries">Outages ended before the attempt began.</param>
public readonly record struct StoreAttempt(long Outages, long Recoveries);
