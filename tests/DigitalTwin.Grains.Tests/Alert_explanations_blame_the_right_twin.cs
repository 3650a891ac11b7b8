using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Alerts;

namespace DigitalTwin.Grains.Tests;

public sealed class Alert_explanations_blame_the_right_twin
{
    private static TwinAlert DiskTooWarm() => new("a1", "srv-1-disk1", TwinKind.Disk, "temp_c", 51, 50, 0.5,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, AlertState.Raised, HealthStatus.Warning,
        "temp_c above warning limit 50 since 00:00:00 UTC (now 51).", AlertKind: AlertKind.Limit);

    [Fact]
    public void A_component_of_a_server_in_trouble_is_named_a_symptom_not_the_cause()
    {
        var explanation = AlertExplanation.For(DiskTooWarm(), new Neighbourhood("srv-1", TwinKind.Server, 6, 0, 55, 6, ParentOpenAlerts: 1));

        Assert.Contains("server srv-1 has open alerts of its own", explanation);
        Assert.DoesNotContain("local to this disk", explanation);
    }

    [Fact]
    public void A_component_alone_in_trouble_is_named_the_likely_cause()
    {
        var explanation = AlertExplanation.For(DiskTooWarm(), new Neighbourhood("srv-1", TwinKind.Server, 6, 0, 40, 6, ParentOpenAlerts: 0));

        Assert.Contains("the cause is likely local to this disk", explanation);
    }
}
