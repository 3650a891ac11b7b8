namespace DigitalTwin.Models.RemainingLife;

/// <summary>Settings of <see cref="GradientBoostedRegressor"/>: squared-error boosting of depth-limited trees on binned features.</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Number of trees.</summary>
    public int Trees { get; init; } = 300;

    /// <summary>Shrinkage applied to each tree's output.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Maximum depth of a tree (a depth of d gives at most 2^d leaves).</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Fewest training rows a leaf may hold.</summary>
    public int MinRowsPerLeaf { get; init; } = 20;

    /// <summary>L2 penalty on leaf values, which shrinks leaves backed by few rows.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Share of rows each tree sees (drawn afresh per tree), which decorrelates trees and speeds training.</summary>
    public double RowSubsample { get; init; } = 0.7;

    /// <summary>Share of features each tree may split on (drawn afresh per tree).</summary>
    public double FeatureSubsample { get; init; } = 0.8;

    /// <summary>Most quantile bins per feature.</summary>
    public int MaxBins { get; init; } = 64;

    /// <summary>Seed of every random draw, so that training is repeatable.</summary>
    public int Seed { get; init; } = 2008;
}
