namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A CRAC: capacity, airflow, setpoint and fan speed, whether it has failed, and its last readings.</summary>
internal sealed class PlantCrac
{
    public required string Id { get; init; }
    public required string RoomId { get; init; }
    public (double X, double Y)? Floor { get; init; }
    public required double CapacityW { get; init; }
    public required double AirflowM3S { get; init; }
    public bool AirflowRated { get; init; }
    public double FanPowerW { get; init; }
    public required double SetpointC { get; set; }
    public required double FanPct { get; set; }
    public double SetpointMinC { get; init; } = 14;
    public double SetpointMaxC { get; init; } = 27;
    public double FanMinPct { get; init; } = 30;
    /// <summary>Time constant of the fan coasting down when the unit stops, s.</summary>
    public double FanCoastDownS { get; init; } = DigitalTwin.Models.Thermal.ThermalDefaults.CracCoastDownS;
    public double? ObservedSupplyC { get; init; }
    public double? ObservedReturnC { get; init; }
    public bool Failed { get; set; }
}
