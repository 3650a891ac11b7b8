namespace DigitalTwin.Persistence.Health;

/// <summary>
/// Drops a store's pooled connections when an outage opens. A server that stopped or restarted broke every idle
/// connection to it, and each would otherwise fail once more after the store is back, as a new outage.
/// </summary>
public interface IStoreConnectionReset
{
    /// <summary>Drops the pooled connections; those in use are dropped when returned.</summary>
    void Reset();
}
