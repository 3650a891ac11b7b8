using DigitalTwin.Abstractions.Capacity;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>
/// Capacity answers for one data centre (keyed by its twin id): how many more servers of a given power and size fit
/// per rack and room before power, cooling with N+1, or space runs out, and when each runs out at the present growth
/// of load. Once asked, it samples the racks' and rooms' IT power on a cadence to learn that growth.
/// </summary>
[RequiresRole(TwinRole.Viewer)]
public interface ICapacityGrain : IGrainWithStringKey
{
    /// <summary>The answer for servers drawing <paramref name="serverPowerW"/> W and taking <paramref name="serverSizeU"/> rack units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the power or size is not above 0.</exception>
    Task<CapacityAnswer> GetCapacityAsync(double serverPowerW, double serverSizeU = 1);
}
