namespace DigitalTwin.Models.Power;

/// <summary>
/// A UPS or PDU under an outage.
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="LoadW">What it carries, W.</param>
/// <param name="CapacityW">Its capacity, W.</param>
/// <param name="Live">False when it delivers nothing (failed, or every input dead and no battery).</param>
/// <param name="OnBattery">True for a UPS carrying on from its battery.</param>
/// <param name="BatteryRemainingS">How long its battery lasts at this load, s (rated runtime × capacity / load); null when not on battery.</param>
public sealed record NodeLoad(string Id, double LoadW, double CapacityW, bool Live, bool OnBattery, double? BatteryRemainingS)
{
    /// <summary>Capacity left, W (negative when overloaded).</summary>
    public double HeadroomW => CapacityW - LoadW;

    /// <summary>Load as a percentage of capacity.</summary>
    public double LoadPct => CapacityW > 0 ? 100 * LoadW / CapacityW : 0;

    /// <summary>True when it carries more than its capacity.</summary>
    public bool Overloaded => LoadW > CapacityW + 1e-9;
}
