using DigitalTwin.Persistence.Tests.Grains;
using DigitalTwin.Persistence.Tests.Silos;

namespace DigitalTwin.Persistence.Tests.Storage;

public sealed class Memory_storage_warns_that_nothing_is_kept
{
    [Fact]
    public async Task The_silo_warns_at_start_and_state_is_gone_after_a_restart()
    {
        var settings = new Dictionary<string, string?> { ["DigitalTwin:Storage:Provider"] = "Memory" };
        await using (var silo = await TestSilo.StartAsync(settings))
        {
            Assert.Contains(silo.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("lost when this silo stops", StringComparison.Ordinal));
            Assert.Equal(3, await silo.Grains.GetGrain<ICounterGrain>("volatile").AddAsync(3, "x"));
        }

        await using var next = await TestSilo.StartAsync(settings);
        Assert.Equal(0, (await next.Grains.GetGrain<ICounterGrain>("volatile").GetAsync()).Value);
    }
}
