using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Rollups;

/// <summary>A computed rollup with the exact inlet sum and count behind its mean, which the parent needs.</summary>
public readonly record struct RollupResult(TwinRollup Rollup, double InletSum, double InletCount);
