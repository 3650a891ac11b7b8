namespace DigitalTwin.Evaluation.Nab;

/// <summary>NAB's scaled sigmoid, which weighs a detection by its position relative to a window.</summary>
public static class NabSigmoid
{
    /// <summary>
    /// sigma(y) = 2 / (1 + e^(5y)) - 1, and -1 from y = 3 on (as NAB's sweeper does): y = -1 is a window's left edge
    /// (about 0.987), 0 its right edge, positive values lie after a window.
    /// </summary>
    public static double Scaled(double relativePosition) =>
        relativePosition >= 3.0 ? -1.0 : 2.0 / (1.0 + Math.Exp(5.0 * relativePosition)) - 1.0;

    /// <summary>The value at a window's left edge, which NAB scales true positives by so that the earliest earns A_TP.</summary>
    public static double LeftEdge { get; } = Scaled(-1.0);
}
