using System.Text.RegularExpressions;
using DigitalTwin.Testing.Processes;
using Xunit.Abstractions;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>dt fuzz</c> in small (20,000 generated malformed MQTT messages through MQTTnet, 1,000 through paho-mqtt per
/// protocol version when python3-paho-mqtt is installed, 200 malformed HTTP requests, a few 10 MB payloads) against
/// a real silo process: the silo stays up, every answer is a valid MQTT packet (paho drops the connection on a
/// malformed one, such as a reason string holding NUL), and the silo's counters reconcile with what was sent.
/// </summary>
public sealed class Hostile_input_leaves_the_silo_alive_and_its_counters_reconciled(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_thousand_malformed_messages_crash_nothing_and_every_one_is_accounted_for()
    {
        var run = await CliProcess.RunAsync(
            ["fuzz", "--messages", "20000", "--paho-messages", "1000", "--http-requests", "200", "--huge-every", "10000", "--seed", "7", "--settle", "1", "--warm-up-seconds", "0"],
            TimeSpan.FromMinutes(4));
        output.WriteLine(run.StandardError);
        output.WriteLine(run.StandardOutput);

        var line = Regex.Match(run.StandardOutput, @"^FUZZ tried=(\d+) crashes=(\d+) rejected=(\d+) unreconciled=(\d+) invalid_packets=(\d+) rss_growth_mb=([\d.]+)$", RegexOptions.Multiline);
        Assert.True(line.Success, "dt fuzz printed no FUZZ line:\n" + run.StandardOutput + run.StandardError);
        Assert.True(long.Parse(line.Groups[1].Value) >= 20_200, "every case was tried");
        Assert.Equal("0", line.Groups[2].Value);
        Assert.True(long.Parse(line.Groups[3].Value) > 10_000, "most malformed input is refused");
        Assert.Equal("0", line.Groups[4].Value);
        Assert.Equal("0", line.Groups[5].Value);
        Assert.Equal(0, run.ExitCode);
        if (File.Exists("/usr/lib/python3/dist-packages/paho/mqtt/client.py"))
        {
            Assert.Contains("paho 2000 sent, 2000 acknowledged", run.StandardError);
        }
    }
}
