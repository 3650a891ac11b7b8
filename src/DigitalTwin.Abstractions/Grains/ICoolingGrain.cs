using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>
/// The cooling loop of one data centre, keyed by the data centre's twin id: it offers recommendations (CRAC setpoints
/// and fan speeds from the optimiser over the live state), applies approved ones through the CRAC twins' command
/// channel, watches the outcome and rolls back when an inlet passes its limit. Refusals never throw: they come back
/// as a <see cref="CoolingDecision"/> with a code and a reason.
/// </summary>
[RequiresRole(TwinRole.Viewer)]
public interface ICoolingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Computes a recommendation from the live state and records it as pending; a pending older one is superseded.
    /// </summary>
    /// <param name="requestedBy">Who asked (recorded in the trail).</param>
    [RequiresRole(TwinRole.Operator)]
    Task<CoolingDecision> RecommendAsync(string requestedBy);

    /// <summary>The newest recommendation that is still pending and unexpired, or null.</summary>
    Task<CoolingRecommendation?> GetPendingAsync();

    /// <summary>One recommendation with its trail, or null when the id is unknown.</summary>
    Task<CoolingRecommendation?> GetRecommendationAsync(string recommendationId);

    /// <summary>The most recent recommendations, newest first (bounded).</summary>
    Task<IReadOnlyList<CoolingRecommendation>> GetRecommendationsAsync(int top = 20);

    /// <summary>
    /// Approves a pending recommendation: its commands go out at once and the answer says <c>Applying</c>; the
    /// acknowledgements, the outcome and any rollback follow in the background and show in its state and trail.
    /// Refused when it expired, was superseded, is not pending, a setting lies outside a unit's rated range, a unit's
    /// settings changed since, or another recommendation is still in flight.
    /// </summary>
    [RequiresRole(TwinRole.Operator)]
    Task<CoolingDecision> ApproveAsync(string recommendationId, string approvedBy);

    /// <summary>Rejects a pending recommendation.</summary>
    [RequiresRole(TwinRole.Operator)]
    Task<CoolingDecision> RejectAsync(string recommendationId, string rejectedBy, string? reason = null);

    /// <summary>Whether the automatic mode is on: as last set by <see cref="SetAutomaticAsync"/>, else as configured.</summary>
    Task<bool> GetAutomaticAsync();

    /// <summary>
    /// Turns the automatic mode on or off at runtime (a settings change: admin only, kept in the loop's state across
    /// restarts, and appended to the audit trail with who, before and after). Returns the mode before the change.
    /// </summary>
    [RequiresRole(TwinRole.Admin)]
    Task<bool> SetAutomaticAsync(bool enabled, string changedBy);
}
