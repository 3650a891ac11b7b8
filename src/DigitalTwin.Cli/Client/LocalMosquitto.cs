using System.Diagnostics;
using System.Text;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// A throw-away mosquitto broker for one test class or one evaluation (<c>dt chaos</c>): a minimal configuration in a temporary folder, a free loopback
/// port, anonymous access, no persistence on disk (sessions live as long as the process). Fails with a clear
/// message when mosquitto is not installed.
/// </summary>
public sealed class LocalMosquitto : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private LocalMosquitto(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>What mosquitto logged so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Starts mosquitto and waits until it accepts connections.</summary>
    public static async Task<LocalMosquitto> StartAsync()
    {
        var executable = InstalledProgram.Require("mosquitto", "mosquitto");
        var folder = Directory.CreateTempSubdirectory("dt-mosquitto-").FullName;
        var port = LoopbackPorts.Next();
        var config = Path.Combine(folder, "mosquitto.conf");
        // When started as root mosquitto switches to its own user unless told to stay the invoking user.
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            user {Environment.UserName}
            max_queued_messages 100000
            max_inflight_messages 100
            log_dest stderr
            log_type error
            log_type warning
            log_type notice
            """);
        var start = new ProcessStartInfo(executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start mosquitto");
        var broker = new LocalMosquitto(process, folder, port);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (broker._log) broker._log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (broker._log) broker._log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await LoopbackPorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20), () => "mosquitto log: " + broker.Log);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
