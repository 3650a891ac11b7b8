using DigitalTwin.Abstractions.Time;

namespace DigitalTwin.Silo.Hosting;

/// <summary>Registers the silo's clock: the real one, or a scaled one when <c>DigitalTwin:Clock</c> asks for it.</summary>
public static class ClockHostingExtensions
{
    /// <summary>
    /// Makes the twins' clock (<see cref="TwinClock"/>) a <see cref="ScaledTimeProvider"/> when
    /// <c>DigitalTwin:Clock:TimeScale</c> or <c>DigitalTwin:Clock:Epoch</c> is set; twins and ingestion take their
    /// time from it. Call before anything that registers the default twins' clock. Refuses a scale that is not a number above 0 at start-up rather than run on a broken clock.
    /// </summary>
    public static WebApplicationBuilder AddDigitalTwinClock(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("DigitalTwin:Clock").Get<ClockOptions>() ?? new ClockOptions();
        if (!options.IsScaled) return builder;
        if (!double.IsFinite(options.TimeScale) || options.TimeScale <= 0)
        {
            throw new InvalidOperationException($"DigitalTwin:Clock:TimeScale is {options.TimeScale}; it must be a number above 0.");
        }
        var clock = new ScaledTimeProvider(options.Epoch ?? DateTimeOffset.UtcNow, options.TimeScale, options.Anchor);
        // Keyed, never the container's TimeProvider: Orleans membership would declare its own silo dead on this clock.
        builder.Services.AddKeyedSingleton<TimeProvider>(TwinClock.ServiceKey, clock);
        return builder;
    }
}
