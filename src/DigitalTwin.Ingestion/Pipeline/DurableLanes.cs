using System.Collections.Concurrent;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>
/// The durable acknowledgement mode's way to the twins (group commit per twin). While a call to a twin is under way,
/// further batches for that twin wait in its lane; when the call returns they go together in one
/// <see cref="ITelemetryTarget.IngestDurablyAsync"/> call, which applies them and writes the twin's state once. So one
/// storage write covers every message that arrived for the twin meanwhile, and the writes per message fall as the
/// load rises. Lanes exist only for twins the directory resolved (bounded by the topology); what waits in them is
/// bounded by the pipeline's in-flight limit.
/// </summary>
public sealed class DurableLanes
{
    private const int MaxBatchesPerCall = 256;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Applies <paramref name="batch"/> to <paramref name="target"/> and completes once the twin has written it.</summary>
    public Task<IngestResult> IngestAsync(ITelemetryTarget target, TelemetryBatch batch) =>
        _lanes.GetOrAdd(batch.TwinId, static _ => new Lane()).Enqueue(target, batch);

    private sealed class Lane
    {
        private readonly Queue<(TelemetryBatch Batch, TaskCompletionSource<IngestResult> Done)> _waiting = new();
        private bool _running;

        public Task<IngestResult> Enqueue(ITelemetryTarget target, TelemetryBatch batch)
        {
            var done = new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiting)
            {
                _waiting.Enqueue((batch, done));
                if (_running) return done.Task;
                _running = true;
            }
            _ = RunAsync(target);
            return done.Task;
        }

        private async Task RunAsync(ITelemetryTarget target)
        {
            while (true)
            {
                var taken = new List<(TelemetryBatch Batch, TaskCompletionSource<IngestResult> Done)>();
                lock (_waiting)
                {
                    while (taken.Count < MaxBatchesPerCall && _waiting.TryDequeue(out var next)) taken.Add(next);
                    if (taken.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }
                try
                {
                    var results = await target.IngestDurablyAsync(taken.Select(t => t.Batch).ToArray()).ConfigureAwait(false);
                    for (var i = 0; i < taken.Count; i++) taken[i].Done.SetResult(results[i]);
                }
                catch (Exception ex)
                {
                    // Not durable, so none of them may be acknowledged: each message's own path decides what follows.
                    foreach (var (_, done) in taken) done.SetException(ex);
                }
            }
        }
    }
}
