namespace DigitalTwin.Models.Capacity;

/// <summary>How many more servers fit in what is left of a resource, and the cooling that survives losing one unit.</summary>
public static class ServerFit
{
    /// <summary>Whole servers of <paramref name="perServer"/> that fit in <paramref name="limit"/> − <paramref name="used"/>; 0 when nothing is left.</summary>
    public static int Count(double used, double limit, double perServer)
    {
        if (!(perServer > 0) || !double.IsFinite(perServer)) throw new ArgumentOutOfRangeException(nameof(perServer), "a server must need more than 0");
        var left = limit - used;
        // A hair of rounding must not cost a whole server: 10 kW left fits exactly 25 servers of 400 W.
        return left > 0 ? (int)Math.Floor(left / perServer + 1e-9) : 0;
    }

    /// <summary>The capacity left when the largest unit fails (N+1): the sum less the largest; 0 with fewer than two units.</summary>
    public static double WithOneLost(IReadOnlyCollection<double> unitCapacities)
    {
        ArgumentNullException.ThrowIfNull(unitCapacities);
        return unitCapacities.Count < 2 ? 0 : unitCapacities.Sum() - unitCapacities.Max();
    }
}
