namespace DigitalTwin.Models.Capacity;

/// <summary>A rack's room for more equipment.</summary>
/// <param name="RackId">The rack.</param>
/// <param name="PowerBudgetW">Its power budget, W (<c>power_budget_w</c>).</param>
/// <param name="ItPowerW">What it draws now, W.</param>
/// <param name="HeightU">Its height, U (<c>height_u</c>).</param>
/// <param name="UsedU">Rack units already taken.</param>
public sealed record RackSpace(string RackId, double PowerBudgetW, double ItPowerW, int HeightU, int UsedU);
