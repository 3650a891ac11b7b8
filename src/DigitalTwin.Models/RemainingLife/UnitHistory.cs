namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// The recorded life of one unit (an engine, a fan, a disk): one row of channel values per cycle, oldest first.
/// Every row has the same channels in the same order. A run-to-failure history ends at the cycle the unit failed.
/// </summary>
public sealed record UnitHistory
{
    /// <summary>Creates a history, refusing ragged rows and non-finite values so a model never trains on garbage.</summary>
    public UnitHistory(string unitId, IReadOnlyList<double[]> cycles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0) throw new ArgumentException($"Unit {unitId} has no cycles.", nameof(cycles));
        var width = cycles[0].Length;
        for (var i = 0; i < cycles.Count; i++)
        {
            var row = cycles[i];
            if (row.Length != width)
                throw new ArgumentException($"Unit {unitId} cycle {i + 1} has {row.Length} channels, expected {width}.", nameof(cycles));
            foreach (var value in row)
            {
                if (!double.IsFinite(value))
                    throw new ArgumentException($"Unit {unitId} cycle {i + 1} holds a non-finite value.", nameof(cycles));
            }
        }
        UnitId = unitId;
        Cycles = cycles;
    }

    /// <summary>The unit's identifier, as given by the data source.</summary>
    public string UnitId { get; }

    /// <summary>Channel values per cycle, oldest first.</summary>
    public IReadOnlyList<double[]> Cycles { get; }

    /// <summary>Number of channels per cycle.</summary>
    public int ChannelCount => Cycles[0].Length;

    /// <summary>The first <paramref name="cycleCount"/> cycles of this history, as a unit still in service would show them.</summary>
    public UnitHistory Truncate(int cycleCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycleCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cycleCount, Cycles.Count);
        return new UnitHistory(UnitId, Cycles.Take(cycleCount).ToArray());
    }
}
