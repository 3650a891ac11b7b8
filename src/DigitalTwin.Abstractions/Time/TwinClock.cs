using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Abstractions.Time;

/// <summary>
/// The clock the twins live by: the time readings are stamped, judged stale and kept in history. It is a keyed
/// <see cref="TimeProvider"/> in the container, apart from the runtime's own, because Orleans takes its membership
/// and lease times from the unkeyed <see cref="TimeProvider"/> and declares its own silo dead when that clock jumps
/// or runs fast. Grains and host services that need "now" for twin data resolve it with <see cref="From"/>, or inject
/// it with <c>[FromKeyedServices(TwinClock.ServiceKey)] TimeProvider</c>.
/// </summary>
public static class TwinClock
{
    /// <summary>The service key of the twins' clock.</summary>
    public const string ServiceKey = "DigitalTwin.TwinClock";

    /// <summary>The twins' clock from <paramref name="services"/>: the keyed one, else the container's, else the system clock.</summary>
    public static TimeProvider From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetKeyedService<TimeProvider>(ServiceKey) ?? services.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    /// <summary>Registers the system clock as the twins' clock unless one is registered already.</summary>
    public static IServiceCollection TryAddTwinClock(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, ServiceKey) && d.ServiceType == typeof(TimeProvider)))
        {
            services.AddKeyedSingleton(ServiceKey, TimeProvider.System);
        }
        return services;
    }
}
