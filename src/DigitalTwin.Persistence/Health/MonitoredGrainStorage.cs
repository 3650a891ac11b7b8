using Orleans.Storage;

namespace DigitalTwin.Persistence.Health;

/// <summary>
/// The twins' grain storage with its health watched (<see cref="StorageHealth"/>) and short outages ridden out: a
/// failed operation is tried again after 0.2 s and 0.4 s while the store was answering before it began. Once an outage
/// is known, operations fail at once, so no grain turn waits on a store that is down: the twin keeps its state in
/// memory, marked changed, and its next checkpoint tries again. ETag conflicts are never retried (they are not outages).
/// </summary>
public sealed class MonitoredGrainStorage(IGrainStorage inner, StorageHealth health) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private const int Attempts = 3;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RunAsync("read", stateName, () => inner.ReadStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RunAsync("write", stateName, () => inner.WriteStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RunAsync("clear", stateName, () => inner.ClearStateAsync(stateName, grainId, grainState));

    /// <summary>The wrapped storage takes part in the silo's lifecycle (the ADO.NET one initialises there).</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task RunAsync(string operation, string stateName, Func<Task> attempt)
    {
        var wasAvailable = health.Available;
        var pause = FirstPause;
        for (var tried = 1; ; tried++)
        {
            var begun = health.Begin();
            try
            {
                await attempt();
                health.Succeeded(begun);
                return;
            }
            catch (Exception error) when (error is not (InconsistentStateException or OperationCanceledException))
            {
                health.Failed(operation, stateName, error, begun);
                if (!wasAvailable || tried == Attempts) throw;
            }
            health.Retried(operation);
            await Task.Delay(pause);
            pause *= 2;
        }
    }
}
