using System.Diagnostics;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// A client reading a fixed set of twins (their snapshots) every half second, each read allowed
/// <see cref="ReadTimeout"/>. A twin is unavailable from the start of a read that failed until the end of the next
/// read that succeeded; <see cref="MaxUnavailable"/> is the longest such stretch over all probed twins.
/// </summary>
internal sealed class TwinProbe(IGrainFactory grains, IReadOnlyList<string> twins)
{
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan?[] _failingSince = new TimeSpan?[twins.Count];
    private TimeSpan _max;
    private long _reads, _failures;

    public TimeSpan MaxUnavailable
    {
        get
        {
            lock (_failingSince)
            {
                var now = _clock.Elapsed;
                // A twin still failing when the probe stops counts up to now.
                return _failingSince.Where(s => s is not null).Select(s => now - s!.Value).Append(_max).Max();
            }
        }
    }

    public long Reads => Interlocked.Read(ref _reads);
    public long Failures => Interlocked.Read(ref _failures);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(twins.Select((id, i) => ReadAsync(id, i)));
            try
            {
                await Task.Delay(Cadence, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReadAsync(string id, int index)
    {
        var started = _clock.Elapsed;
        bool answered;
        try
        {
            await grains.GetTwin(id, TwinKind.Server).GetSnapshotAsync().WaitAsync(ReadTimeout);
            answered = true;
        }
        catch (Exception)
        {
            answered = false;
            Interlocked.Increment(ref _failures);
        }
        Interlocked.Increment(ref _reads);
        lock (_failingSince)
        {
            if (!answered)
            {
                _failingSince[index] ??= started;
            }
            else if (_failingSince[index] is { } since)
            {
                var span = _clock.Elapsed - since;
                if (span > _max) _max = span;
                _failingSince[index] = null;
            }
        }
    }
}
