using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// Utilisation of each server: its service's level shaped by the time of day (peak in the afternoon) and the day of
/// the week (quieter weekends), scaled by the run's load factor (<c>--load</c>), with slow random wander (a first-order autoregressive process) from the seed.
/// </summary>
internal sealed class Workload(int seed, double loadFactor = 1)
{
    private const double WanderTimeConstantS = 300;
    private const double WanderSpread = 0.05;
    private readonly Random _random = new(seed);

    public void Step(IEnumerable<Server> servers, DateTimeOffset now, double dt)
    {
        var hour = now.TimeOfDay.TotalHours;
        var daily = 1 + 0.35 * Math.Sin(2 * Math.PI * (hour - 8) / 24);
        var weekly = now.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
        var keep = Math.Exp(-dt / WanderTimeConstantS);
        var fresh = WanderSpread * Math.Sqrt(1 - keep * keep);
        foreach (var server in servers)
        {
            server.NoiseState = server.NoiseState * keep + fresh * Gaussian();
            server.Utilisation = server.Running
                ? Math.Clamp(server.BaseUtilisation * loadFactor * daily * weekly + server.NoiseState + server.SpikeUtilisation, 0.02, 1)
                : 0;
        }
    }

    private double Gaussian()
    {
        // Box–Muller: two uniforms give one standard normal.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
