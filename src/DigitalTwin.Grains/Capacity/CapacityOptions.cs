namespace DigitalTwin.Grains.Capacity;

/// <summary>How capacity answers learn the growth of load, bound from <see cref="SectionName"/>.</summary>
public sealed class CapacityOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "DigitalTwin:Capacity";

    /// <summary>How often racks' and rooms' IT power is sampled for the trend (twin time).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the grain checks whether a sample is due (wall clock).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Samples kept per rack and room (the oldest go first): 2,000 at 15 min is about three weeks.</summary>
    public int MaxSamples { get; set; } = 2000;

    /// <summary>Two-sided confidence of the interval around each date.</summary>
    public double Confidence { get; set; } = 0.9;

    /// <summary>Rack height assumed when a rack does not rate <c>height_u</c>.</summary>
    public double DefaultRackHeightU { get; set; } = 42;
}
