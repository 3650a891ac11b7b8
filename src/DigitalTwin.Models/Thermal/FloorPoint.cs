namespace DigitalTwin.Models.Thermal;

/// <summary>A point on a room's floor, metres: x along a row, y across rows.</summary>
public sealed record FloorPoint(double X, double Y)
{
    /// <summary>Straight-line distance to another point, m.</summary>
    public double DistanceTo(FloorPoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
