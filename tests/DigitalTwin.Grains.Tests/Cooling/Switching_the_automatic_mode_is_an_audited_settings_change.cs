using DigitalTwin.Abstractions.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Grains.Tests.Cooling;

public sealed class Switching_the_automatic_mode_is_an_audited_settings_change(CoolingClusterFixture cluster) : IClassFixture<CoolingClusterFixture>
{
    [Fact]
    public async Task An_admin_turns_the_automatic_mode_on_at_runtime_it_acts_and_both_changes_are_in_the_audit_trail()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        Assert.False(await site.Cooling.GetAutomaticAsync());

        Assert.False(await site.Cooling.SetAutomaticAsync(true, "carol"));
        Assert.True(await site.Cooling.GetAutomaticAsync());
        // The switch takes effect: the loop, configured off, now makes its own recommendations.
        await Eventually.Until(async () => await site.Cooling.GetRecommendationsAsync(), list => list.Any(r => r.Automatic),
            "an automatic recommendation after the mode was turned on");

        Assert.True(await site.Cooling.SetAutomaticAsync(false, "dave"));
        Assert.False(await site.Cooling.GetAutomaticAsync());

        var audited = (await cluster.SiloServices.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(TwinId: site.Ids.DataCentre)))
            .Where(a => a.Action == AuditActions.SettingsChange).ToList();
        Assert.Equal(2, audited.Count);
        Assert.Contains("off (from configuration) -> on, changed by carol", audited[0].Detail);
        Assert.Contains("on (set at runtime) -> off, changed by dave", audited[1].Detail);
    }
}
