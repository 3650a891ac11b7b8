using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Testing.Processes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DigitalTwin.Views.Tests;

/// <summary>
/// The operator views in Debian's chromium against a silo fed by the data-centre simulator (48 servers in one room on
/// an accelerated clock, a CRAC failing a few simulated seconds in): the floor plan shows live inlets that change
/// without the page reading the floor again, a rack opens its elevation, a CRAC-failure scenario run from the page
/// draws its chart with the limit line, and an alert acknowledged on the page is acknowledged in the twin.
/// Screenshots go to <c>screenshots/</c> in the test output directory.
/// </summary>
public sealed class Operator_views_work_in_a_real_browser(ITestOutputHelper output) : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-browser-").FullName;
    private readonly string _screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task Floor_plan_follows_live_values_a_scenario_draws_its_chart_and_an_alert_is_acknowledged()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string>
        {
            ["DigitalTwin:Demo:Topology"] = "",
            ["DigitalTwin:Demo:Faults"] = "",
            ["DigitalTwin:Demo:Simulator:Servers"] = "48",
            ["DigitalTwin:Demo:Simulator:Rooms"] = "1",
            ["DigitalTwin:Demo:Simulator:Interval"] = "5",
            ["DigitalTwin:Demo:Simulator:ExtraArguments"] = "--fault-at 20:crac_failure:crac-a1",
            ["DigitalTwin:Clock:TimeScale"] = "4",
        }, demo: true);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: silo up");
        await Eventually.TrueAsync(async () => await RackInletsAsync(silo) > 0, "the simulator's first rack inlets", TimeSpan.FromSeconds(90));

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: first rack inlets");
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");
        var floorReads = 0;
        page.Request += (_, r) => { if (r.Url.Contains("/api/views/floor/", StringComparison.Ordinal)) Interlocked.Increment(ref floorReads); };

        // Floor plan: a rack's inlet as drawn, then a different one from the change feed alone.
        await page.GotoAsync($"{silo.Http.BaseAddress}#/floor/room-a");
        var inlet = page.Locator("text.inlet").First;
        await Assertions.Expect(inlet).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d+\.\d°"), new() { Timeout = 30_000 });
        var rackId = await inlet.GetAttributeAsync("data-id");
        var first = await inlet.TextContentAsync();
        await Assertions.Expect(page.Locator($"text.inlet[data-id='{rackId}']")).Not.ToHaveTextAsync(first!, new() { Timeout = 30_000 });
        Assert.Equal(1, Volatile.Read(ref floorReads));
        Assert.True(await page.Locator("rect.crac").CountAsync() >= 2);

        await page.Locator($"rect.rack[data-id='{rackId}']").ClickAsync();
        await Assertions.Expect(page.Locator("svg.elevation rect.asset").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await page.Locator("svg.elevation rect.asset").CountAsync() >= 10);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "floor-plan.png"), FullPage = true });

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: floor plan live, rack elevation open");
        // Scenario: a CRAC fails, from the page; the answer is a chart with the rack series and the inlet limit.
        await page.GotoAsync($"{silo.Http.BaseAddress}#/scenario");
        await page.SelectOptionAsync("select[name=what]", "crac");
        await page.SelectOptionAsync("select[name=crac]", "crac-a2");
        await page.FillAsync("input[name=horizon]", "10");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#scenario-answer")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('inlet-chart')).data.datasets.map(d => d.label)");
        Assert.Contains(labels, l => l.StartsWith("inlet limit", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("rack-", StringComparison.Ordinal));
        Assert.True(await page.Locator("#answer-racks tbody tr").CountAsync() >= 2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "scenario.png"), FullPage = true });

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: scenario chart drawn");
        // Alerts: crac-a1 failed 20 simulated seconds in; acknowledge the first alert on the page.
        await page.GotoAsync($"{silo.Http.BaseAddress}#/alerts");
        var button = page.Locator("button[data-ack-alert]").First;
        await Assertions.Expect(button).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var alertId = await button.GetAttributeAsync("data-ack-alert");
        await button.ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-alert='{alertId}'] td.state")).ToContainTextAsync("Acknowledged", new() { Timeout = 20_000 });
        // Resolved alerts included: the condition may clear (and the alert resolve) between the click and this read,
        // but the acknowledgement stays on the alert.
        var alerts = await silo.Http.GetFromJsonAsync<JsonElement>("/api/alerts?resolved=true");
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("alertId").GetString() == alertId
            && a.GetProperty("acknowledgedAt").ValueKind == JsonValueKind.String);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "alerts.png"), FullPage = true });

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: alert acknowledged");
        Assert.True(errors.Count == 0, "errors on the page: " + string.Join("\n", errors));
    }

    private static async Task<int> RackInletsAsync(SiloProcess silo)
    {
        using var response = await silo.Http.GetAsync("/api/views/floor/room-a");
        if (!response.IsSuccessStatusCode) return 0; // not imported yet
        var floor = await response.Content.ReadFromJsonAsync<JsonElement>();
        return floor.GetProperty("racks").EnumerateArray().Count(r => r.GetProperty("rollup") is { ValueKind: JsonValueKind.Object } rollup
            && rollup.GetProperty("maxInletC").ValueKind == JsonValueKind.Number);
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
