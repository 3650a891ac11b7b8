namespace DigitalTwin.Models.Thermal;

/// <summary>
/// One rack's telemetry on a history's time grid (NaN where nothing was read).
/// </summary>
/// <param name="InletMaxC">Hottest server inlet, °C (what limits are judged on).</param>
/// <param name="InletMeanC">Mean server inlet, °C.</param>
/// <param name="OutletMeanC">Mean server outlet, °C.</param>
/// <param name="PowerW">IT power (sum over its servers), W.</param>
public sealed record RackHistory(
    IReadOnlyList<double> InletMaxC,
    IReadOnlyList<double> InletMeanC,
    IReadOnlyList<double> OutletMeanC,
    IReadOnlyList<double> PowerW);
