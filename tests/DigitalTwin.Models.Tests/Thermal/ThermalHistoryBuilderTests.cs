using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

public class ThermalHistoryBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_switch_counts_in_its_racks_power_and_holds_between_sparse_readings()
    {
        var builder = new ThermalHistoryBuilder(TimeSpan.FromSeconds(10));
        for (var k = 0; k < 12; k++)
        {
            builder.AddServerReading("rack-1", "srv-1", "power_w", Start.AddSeconds(10 * k), 300);
            builder.AddServerReading("rack-1", "srv-2", "power_w", Start.AddSeconds(10 * k), 200);
        }
        // The switch reports once a minute (six bins), from the third bin on.
        builder.AddEquipmentPower("rack-1", "sw-1", Start.AddSeconds(20), 150);
        builder.AddEquipmentPower("rack-1", "sw-1", Start.AddSeconds(80), 170);

        var power = builder.Build().Racks["rack-1"].PowerW;

        Assert.Equal([500, 500, 650, 650, 650, 650, 650, 650, 670, 670, 670, 670], power);
    }

    [Fact]
    public void Equipment_power_that_is_not_finite_or_negative_is_refused()
    {
        var builder = new ThermalHistoryBuilder(TimeSpan.FromSeconds(10));

        Assert.False(builder.AddEquipmentPower("rack-1", "sw-1", Start, double.NaN));
        Assert.False(builder.AddEquipmentPower("rack-1", "sw-1", Start, -5));
        Assert.True(builder.AddEquipmentPower("rack-1", "sw-1", Start, 120));
    }
}
