namespace DigitalTwin.Evaluation.Cooling;

/// <summary>One periodic <c>racks</c> line of the simulator's ground truth: the site's power and every rack's true highest inlet.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="ItPowerW">IT power of the site, W.</param>
/// <param name="CoolingPowerW">Electrical power of every CRAC (compressor and fan), W.</param>
/// <param name="RackMaxInletC">Per rack id, its true highest inlet, °C.</param>
public sealed record TruthSample(DateTimeOffset At, double ItPowerW, double CoolingPowerW, IReadOnlyDictionary<string, double> RackMaxInletC);
