using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Persistence.Health;

/// <summary>
/// Whether the store answers, as the silo's own grain-state reads and writes find it. The first failure opens an
/// outage (logged as an error once, not once per twin); the first success after it closes the outage (logged with
/// its length and how many operations failed meanwhile). Seen in <c>/healthz</c> (<see cref="Report"/>) and in the
/// meter <see cref="MeterName"/>: <c>dt.storage.failures</c>, <c>dt.storage.retries</c>, <c>dt.storage.available</c>.
/// Every operation takes a <see cref="StoreAttempt"/> when it begins (<see cref="Begin"/>), so what it finds is judged
/// against when it began: a failure of an operation begun before the store came back is counted but opens no new
/// outage (it tells of the outage that just ended), and a success of one begun before the outage opened ends nothing
/// (it reached the store before it went down).
/// </summary>
public sealed class StorageHealth
{
    /// <summary>The meter's name, for OpenTelemetry or dotnet-counters.</summary>
    public const string MeterName = "DigitalTwin.Storage";

    /// <summary>The report's state while the store answers (<c>unavailable</c> otherwise).</summary>
    public const string AvailableState = "available";

    private readonly object _gate = new();
    private readonly ILogger<StorageHealth> _logger;
    // Wall-clock time, not the silo's (possibly scaled) twin clock: an outage lasts as long as an operator waits.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly Counter<long> _failureCounter;
    private readonly Counter<long> _retryCounter;
    private readonly IReadOnlyList<IStoreConnectionReset> _resets;
    private DateTimeOffset? _unavailableSince;
    private long _failures;
    private long _failuresThisOutage;
    private long _outages;
    private double? _lastOutageSeconds;
    private long _recoveries;

    /// <summary>Creates the tracker and its instruments.</summary>
    /// <param name="logger">Where outages are logged.</param>
    /// <param name="meters">Creates the storage meter (a meter of its own without one).</param>
    /// <param name="resets">Told when an outage opens, to drop connections the store's failure broke.</param>
    public StorageHealth(ILogger<StorageHealth> logger, IMeterFactory? meters = null, IEnumerable<IStoreConnectionReset>? resets = null)
    {
        _logger = logger;
        _resets = resets?.ToArray() ?? [];
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _failureCounter = meter.CreateCounter<long>("dt.storage.failures", "{operation}", "Grain-state reads, writes and clears that failed, by operation.");
        _retryCounter = meter.CreateCounter<long>("dt.storage.retries", "{operation}", "Failed grain-state operations tried again after a pause.");
        meter.CreateObservableGauge("dt.storage.available", () => Available ? 1 : 0, "{bool}", "1 while the store answers, 0 during an outage.");
    }

    /// <summary>False from a failed operation until the next one that succeeds.</summary>
    public bool Available
    {
        get { lock (_gate) return _unavailableSince is null; }
    }

    /// <summary>Marks the start of one attempt at a grain-state operation; pass it to <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
    public StoreAttempt Begin()
    {
        lock (_gate) return new StoreAttempt(_outages, _recoveries);
    }

    /// <summary>An operation reached the store: ends an outage if one was open when the operation began.</summary>
    /// <param name="begun">What <see cref="Begin"/> returned when the operation began.</param>
    public void Succeeded(StoreAttempt begun)
    {
        if (Volatile.Read(ref _failuresThisOutage) == 0) return;
        lock (_gate)
        {
            if (_unavailableSince is not { } since) return;
            // Begun before this outage opened, it may have had its answer just before the store went down (its
            // continuation ran after another operation's failure): that says nothing of the store now.
            if (begun.Outages != _outages) return;
            _lastOutageSeconds = (_clock.GetUtcNow() - since).TotalSeconds;
            _logger.LogWarning("Storage is available again after {Seconds:F1} s; {Failures} grain-state operations failed meanwhile and are being retried by their twins",
                _lastOutageSeconds, _failuresThisOutage);
            _unavailableSince = null;
            _failuresThisOutage = 0;
            _recoveries++;
        }
    }

    /// <summary>An operation failed: opens an outage if none was open and the operation began after the last recovery.</summary>
    /// <param name="operation">read, write or clear.</param>
    /// <param name="stateName">The grain state's name, for the log.</param>
    /// <param name="error">What the store answered.</param>
    /// <param name="begun">What <see cref="Begin"/> returned when the operation began.</param>
    public void Failed(string operation, string stateName, Exception error, StoreAttempt begun)
    {
        _failureCounter.Add(1, new KeyValuePair<string, object?>("operation", operation));
        lock (_gate)
        {
            _failures++;
            if (_unavailableSince is not null)
            {
                _failuresThisOutage++;
                return;
            }
            // Begun while the store was still down (a connection the dead server broke, an attempt that timed out
            // against it): the store has answered since, so this is the end of the last outage, not a new one.
            if (begun.Recoveries != _recoveries) return;
            _failuresThisOutage++;
            _unavailableSince = _clock.GetUtcNow();
            _outages++;
            foreach (var reset in _resets) reset.Reset();
            // The type and first line only: enough to tell a refused connection from a timeout, and no connection string.
            _logger.LogError("Storage unavailable: a {Operation} of {State} failed ({Error}). Twins keep serving from memory; their checkpoints are retried with backoff and nothing is lost while they stay active",
                operation, stateName, $"{error.GetType().Name}: {FirstLine(error.Message)}");
        }
    }

    /// <summary>A failed operation is about to be tried again.</summary>
    public void Retried(string operation) => _retryCounter.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>The state for a health probe.</summary>
    public StorageHealthReport Report()
    {
        lock (_gate)
        {
            return new StorageHealthReport(_unavailableSince is null ? AvailableState : "unavailable", _unavailableSince,
                _unavailableSince is { } since ? (_clock.GetUtcNow() - since).TotalSeconds : null,
                _failures, _outages, _lastOutageSeconds);
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
