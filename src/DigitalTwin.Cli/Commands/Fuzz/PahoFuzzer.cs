using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>
/// Publishes hostile cases with paho-mqtt, the strict Python client (Debian's <c>python3-paho-mqtt</c>), over MQTT 5
/// and MQTT 3.1.1: paho checks every packet the broker sends back and drops the connection on a malformed one (a
/// reason string holding NUL, for example). Runs <c>paho_publisher.py</c> beside this <c>dt</c>.
/// </summary>
internal static class PahoFuzzer
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Whether paho-mqtt can be run here.</summary>
    public static bool Available()
    {
        if (!File.Exists(Python) || !File.Exists(Script)) return false;
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import paho.mqtt.client"]) { RedirectStandardError = true, UseShellExecute = false })!;
            probe.WaitForExit(10_000);
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Script => Path.Combine(AppContext.BaseDirectory, "paho_publisher.py");

    /// <summary>Publishes the cases (none over the packet limit) with paho at MQTT <paramref name="version"/> ("5" or "311").</summary>
    public static async Task RunAsync(IPEndPoint broker, string version, IEnumerable<HostileCase> cases, FuzzTally tally, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dt-fuzz-paho-{Environment.ProcessId}-{version}.bin");
        try
        {
            await using (var stream = File.Create(file))
            {
                Span<byte> header = stackalloc byte[4];
                foreach (var hostile in cases)
                {
                    var topic = Encoding.UTF8.GetBytes(hostile.Topic);
                    BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)topic.Length);
                    stream.Write(header[..2]);
                    stream.Write(topic);
                    BinaryPrimitives.WriteUInt32BigEndian(header, (uint)hostile.Payload.Length);
                    stream.Write(header);
                    stream.Write(hostile.Payload);
                }
            }
            var start = new ProcessStartInfo(Python, [Script, file, broker.Address.ToString(), broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), version])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var line = (await output).Trim().Split('\n').LastOrDefault() ?? "";
            if (!line.StartsWith('{')) throw new InvalidOperationException($"paho publisher failed ({process.ExitCode}): {await errors}");
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var published = root.GetProperty("published").GetInt64();
            var acked = root.GetProperty("acked").GetInt64();
            for (var i = 0; i < published; i++) tally.Sending();
            // paho 1.6 does not hand the PUBACK's reason code to the application: refusals are read from the silo's counters.
            for (var i = 0; i < acked; i++) tally.Answer(success: true);
            for (var i = acked; i < published; i++) tally.Unanswer($"paho MQTT {version}: no PUBACK");
            foreach (var error in root.GetProperty("errors").EnumerateArray())
            {
                // A strict client drops the connection on a malformed packet: each such drop is an invalid answer.
                tally.Invalid($"paho MQTT {version}: {error.GetString()}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
