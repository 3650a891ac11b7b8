using MathNet.Numerics.LinearAlgebra;

namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Ordinary least squares (MathNet QR) with the standard error of each coefficient, so a calibration can tell an
/// identified parameter from one the data cannot pin down.
/// </summary>
/// <param name="Coefficients">Fitted coefficients, in the order of the design's columns.</param>
/// <param name="StandardErrors">Standard error of each coefficient (infinite when the design is rank-deficient).</param>
/// <param name="RSquared">Share of the variance of y explained (about its mean).</param>
/// <param name="Samples">Rows used.</param>
/// <param name="ResidualSd">Standard deviation of the residuals.</param>
public sealed record LinearFit(
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors,
    double RSquared,
    int Samples,
    double ResidualSd)
{
    /// <summary>Fits y ≈ X·b. Null when there are no more rows than columns.</summary>
    public static LinearFit? Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y)
    {
        if (rows.Count == 0 || rows.Count <= rows[0].Length + 1) return null;
        var columns = rows[0].Length;
        var x = Matrix<double>.Build.Dense(rows.Count, columns, (i, j) => rows[i][j]);
        var target = Vector<double>.Build.Dense(y.Count, i => y[i]);
        var gram = x.TransposeThisAndMultiply(x);
        // A column with no variation against the others makes XᵀX singular: say so rather than return noise.
        if (gram.ConditionNumber() > 1e12) return null;
        var b = x.QR().Solve(target);
        var residual = target - x * b;
        var dof = rows.Count - columns;
        var variance = residual.DotProduct(residual) / dof;
        var covariance = gram.Inverse() * variance;
        var mean = target.Average();
        var total = target.Sum(v => (v - mean) * (v - mean));
        var r2 = total > 0 ? 1 - residual.DotProduct(residual) / total : 0;
        return new LinearFit([.. b], [.. Enumerable.Range(0, columns).Select(k => Math.Sqrt(Math.Max(0, covariance[k, k])))],
            r2, rows.Count, Math.Sqrt(variance));
    }

    /// <summary>
    /// Fits y ≈ X·b by instrumental variables: each row of <paramref name="instruments"/> is correlated with the same
    /// row of X but not with its noise (b = (ZᵀX)⁻¹Zᵀy). Least squares is biased when a regressor carries the same
    /// sensor noise as the target (errors in variables); an instrument taken from readings a few samples away is not.
    /// Null when there are too few rows or ZᵀX is singular.
    /// </summary>
    public static LinearFit? FitInstrumented(IReadOnlyList<double[]> rows, IReadOnlyList<double[]> instruments, IReadOnlyList<double> y)
    {
        if (rows.Count == 0 || rows.Count != instruments.Count || rows.Count <= rows[0].Length + 1) return null;
        var columns = rows[0].Length;
        var x = Matrix<double>.Build.Dense(rows.Count, columns, (i, j) => rows[i][j]);
        var z = Matrix<double>.Build.Dense(rows.Count, columns, (i, j) => instruments[i][j]);
        var target = Vector<double>.Build.Dense(y.Count, i => y[i]);
        var zx = z.TransposeThisAndMultiply(x);
        if (zx.ConditionNumber() > 1e12) return null;
        var zxInverse = zx.Inverse();
        var b = zxInverse * z.TransposeThisAndMultiply(target);
        var residual = target - x * b;
        var variance = residual.DotProduct(residual) / (rows.Count - columns);
        var covariance = zxInverse * z.TransposeThisAndMultiply(z) * zxInverse.Transpose() * variance;
        var mean = target.Average();
        var total = target.Sum(v => (v - mean) * (v - mean));
        var r2 = total > 0 ? 1 - residual.DotProduct(residual) / total : 0;
        return new LinearFit([.. b], [.. Enumerable.Range(0, columns).Select(k => Math.Sqrt(Math.Max(0, covariance[k, k])))],
            r2, rows.Count, Math.Sqrt(variance));
    }
}
