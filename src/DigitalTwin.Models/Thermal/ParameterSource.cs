namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Where one parameter (or a group of them, such as every rack's recirculation) came from.
/// </summary>
/// <param name="Parameter">Its name, e.g. <c>rack-a01.recirculation</c> or <c>room.heat_capacity</c>.</param>
/// <param name="Calibrated">True when fitted to the twin's telemetry history; false when a topology default.</param>
/// <param name="Basis">How: the fit and its evidence ("least squares over 1440 samples, R² 0.93") or the default
/// and why it was used ("room volume 600 m³ × ρ·cp × 2.0; no transient in history").</param>
public sealed record ParameterSource(string Parameter, bool Calibrated, string Basis);
