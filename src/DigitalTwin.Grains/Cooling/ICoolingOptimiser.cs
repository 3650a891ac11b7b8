namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// The seam between the cooling grain and the optimiser in DigitalTwin.Models: the grain gathers the live state, the
/// optimiser (plain C#, no Orleans) turns it into a plan. Registered in the silo's services.
/// </summary>
public interface ICoolingOptimiser
{
    /// <summary>
    /// The settings that minimise predicted cooling power with every rack at or below its limit less the margin.
    /// Throws <see cref="InvalidOperationException"/> with a reason when no plan can be made.
    /// </summary>
    CoolingPlan Plan(CoolingSituation situation, CoolingPlanLimits limits);
}
