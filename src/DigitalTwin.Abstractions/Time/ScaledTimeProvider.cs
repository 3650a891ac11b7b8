namespace DigitalTwin.Abstractions.Time;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time from <see cref="Epoch"/>: simulated now =
/// epoch + (real now − anchor) × scale. The silo (<c>DigitalTwin:Clock</c>) and the data-centre simulator
/// (<c>--time-scale</c>, <c>--epoch</c>, <c>--clock-anchor</c>) build it from the same three numbers, so readings
/// stamped by one are on time for the other and a week of data centre passes in hours.
/// </summary>
/// <remarks>
/// Only the wall clock (<see cref="GetUtcNow"/>) is scaled. Timestamps and timers stay real, because they measure
/// durations inside the runtime (request time-outs, polling, back-off) that must not shrink with the scale; timestamps
/// of readings, staleness and windows of history all come from the wall clock and so follow simulated time.
/// </remarks>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _anchor;

    /// <summary>A clock at <paramref name="epoch"/> when the real clock reads <paramref name="anchor"/>.</summary>
    /// <param name="epoch">The simulated instant that <paramref name="anchor"/> maps to.</param>
    /// <param name="scale">Simulated seconds per real second; above 0.</param>
    /// <param name="anchor">The real instant that maps to <paramref name="epoch"/>; the real clock's now when null.</param>
    /// <param name="real">The real clock; <see cref="TimeProvider.System"/> when null.</param>
    public ScaledTimeProvider(DateTimeOffset epoch, double scale, DateTimeOffset? anchor = null, TimeProvider? real = null)
    {
        if (!double.IsFinite(scale) || scale <= 0) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be a finite number above 0.");
        _real = real ?? System;
        _anchor = anchor ?? _real.GetUtcNow();
        Epoch = epoch.ToUniversalTime();
        Scale = scale;
    }

    /// <summary>The simulated instant that the anchor maps to.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>The real instant that <see cref="Epoch"/> stands for.</summary>
    public DateTimeOffset Anchor => _anchor;

    /// <summary>Simulated seconds per real second.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromTicks((long)((_real.GetUtcNow() - _anchor).Ticks * Scale));

    /// <inheritdoc />
    public override long GetTimestamp() => _real.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);
}
