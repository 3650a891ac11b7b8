namespace DigitalTwin.Silo.Hosting;

/// <summary>
/// The silo's clock (section <c>DigitalTwin:Clock</c>): evaluations run the silo and the data-centre simulator on one
/// accelerated clock so that days of operation pass in minutes.
/// </summary>
public sealed class ClockOptions
{
    /// <summary>Simulated seconds per real second (default 1: real time).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>The simulated instant that <see cref="Anchor"/> (by default the silo's start) maps to; default: now.</summary>
    public DateTimeOffset? Epoch { get; set; }

    /// <summary>
    /// The real instant that <see cref="Epoch"/> stands for; default: the silo's start. Give the simulator the same
    /// epoch and anchor (<c>--epoch</c>, <c>--clock-anchor</c>) and both read the same simulated time, whichever
    /// started first.
    /// </summary>
    public DateTimeOffset? Anchor { get; set; }

    /// <summary>Whether the clock differs from the real one at all.</summary>
    public bool IsScaled => TimeScale != 1 || Epoch is not null;
}
