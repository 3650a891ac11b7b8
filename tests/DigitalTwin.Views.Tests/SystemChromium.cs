using Microsoft.Playwright;

namespace DigitalTwin.Views.Tests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright. The browser is the system's (installed by tests/run-all.sh from
/// Debian's packages), never one Playwright downloads: this machine and CI reach no browser download site.
/// </summary>
internal static class SystemChromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path)) throw new InvalidOperationException($"{Path} is missing: install Debian's chromium (apt-get install chromium), as tests/run-all.sh does.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Path, Headless = true, Args = ["--no-sandbox"] });
        return (playwright, browser);
    }
}
