using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// Reads back which sequence numbers each twin holds: its one-minute history of <c>seq</c> (stored minutes and the
/// open ones in its state), one bucket per message (<see cref="ChaosTelemetry"/>). A twin that cannot be read is
/// asked again, a few times, before the read fails.
/// </summary>
internal sealed class HeldSequences(IGrainFactory grains, IReadOnlyList<string> twins, ChaosTelemetry telemetry, int sequencesPerTwin)
{
    public async Task<HashSet<int>[]> ReadAsync(CancellationToken cancellationToken)
    {
        var held = new HashSet<int>[twins.Count];
        var from = telemetry.Origin - TimeSpan.FromMinutes(1);
        var to = telemetry.StampOf(sequencesPerTwin) + TimeSpan.FromMinutes(1);
        await Parallel.ForEachAsync(Enumerable.Range(0, twins.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var buckets = await grains.GetTwin(twins[i], TwinKind.Server).GetHistoryAsync(ChaosTelemetry.SequenceMetric, from, to)
                            .WaitAsync(TimeSpan.FromSeconds(15), token);
                        held[i] = buckets.Where(b => b.Count > 0).Select(b => telemetry.SequenceAt(b.Start)).Where(s => s >= 0).ToHashSet();
                        return;
                    }
                    catch (Exception) when (attempt < 5 && !token.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), token);
                    }
                }
            });
        return held;
    }
}
