using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Grains.Audit;

namespace DigitalTwin.Grains.Cooling;

public sealed partial class CoolingGrain
{
    // The configuration gives the starting mode; an admin's runtime change wins from then on, restarts included.
    private bool AutomaticEnabled => State.AutomaticOverride ?? _options.Automatic.Enabled;

    /// <inheritdoc />
    public Task<bool> GetAutomaticAsync() => Task.FromResult(AutomaticEnabled);

    /// <inheritdoc />
    public async Task<bool> SetAutomaticAsync(bool enabled, string changedBy)
    {
        var before = AutomaticEnabled;
        var source = State.AutomaticOverride is null ? "from configuration" : "set at runtime";
        State.AutomaticOverride = enabled;
        await state.WriteStateAsync();
        await ServiceProvider.RecordAuditAsync(AuditActions.SettingsChange, DataCentreId,
            $"cooling automatic mode of {DataCentreId}: {OnOff(before)} ({source}) -> {OnOff(enabled)}, changed by {Actor(changedBy)}");
        EnsureTicking();
        return before;
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
