namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The thermal and electrical parameters of one CRAC.
/// </summary>
/// <param name="NominalReturnC">Return-air temperature at which the rated capacity holds, °C.</param>
/// <param name="CapacitySlopePerK">Fractional change of capacity per kelvin of return air above nominal
/// (a coil removes more heat from warmer air).</param>
/// <param name="CapacityAirflowExponent">Capacity scales with (airflow / rated airflow) to this power.</param>
/// <param name="CompressorInputPerWatt">Electrical input of the compressor/chiller share per watt of heat removed
/// at <paramref name="ReferenceSupplyC"/> (1 / COP).</param>
/// <param name="CompressorInputSlopePerK">Change of that input per watt per kelvin of supply temperature above the
/// reference (negative: warmer supply is cheaper).</param>
/// <param name="ReferenceSupplyC">Supply temperature the compressor figures refer to, °C.</param>
/// <param name="FanPowerW">Fan power at 100 % fan, W; it scales with the cube of fan speed.</param>
public sealed record CracThermalParameters(
    double NominalReturnC,
    double CapacitySlopePerK,
    double CapacityAirflowExponent,
    double CompressorInputPerWatt,
    double CompressorInputSlopePerK,
    double ReferenceSupplyC,
    double FanPowerW);
