using System.Globalization;
using System.Text.RegularExpressions;
using DigitalTwin.Testing.Processes;
using Xunit.Abstractions;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>dt bench scale</c> in small against a real silo process on the embedded SQLite store: a generated fleet is
/// imported in chunks, a sample of twins takes a reading, idle twins deactivate (a ten-second idle age), the sample
/// comes back from storage with its readings, and a spread of the fleet is activated, read again and measured within
/// the idle age (the bench exits 4 when its memory figure is not valid).
/// </summary>
public sealed class A_large_fleet_deactivates_when_idle_and_comes_back_with_its_state(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_thousand_twins_import_in_chunks_deactivate_and_come_back_from_storage_with_their_readings()
    {
        var run = await CliProcess.RunAsync(
            ["bench", "scale", "--twins", "3000", "--active", "1000", "--chunk", "700", "--idle-after", "10", "--sample", "40", "--reads", "500", "--settle", "1"],
            TimeSpan.FromMinutes(4));
        output.WriteLine(run.StandardError);
        output.WriteLine(run.StandardOutput);

        var line = Regex.Match(run.StandardOutput,
            @"^SCALE twins=(\d+) import_s=([\d.]+) active_twins=(\d+) rss_bytes_per_active_twin=(-?\d+) p99_read_ms=([\d.]+) reactivation_ms=([\d.]+)$", RegexOptions.Multiline);
        Assert.True(line.Success, "dt bench scale printed no SCALE line:\n" + run.StandardOutput + run.StandardError);
        Assert.Equal("3000", line.Groups[1].Value);
        // At least the twins read; a read twin may wake others (a server asks its components for reports).
        Assert.True(long.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture) >= 900, "the twins read are active");
        Assert.Contains("imported", run.StandardError);
        Assert.Contains("sample of 40 back from storage, 0 lost their reading", run.StandardError);
        Assert.Equal(0, run.ExitCode);
    }
}
