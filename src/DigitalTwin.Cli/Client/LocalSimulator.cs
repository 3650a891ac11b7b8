using System.Diagnostics;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// The data-centre simulator (samples/DataCentreSimulator) run as a process of its own from the build next to this
/// <c>dt</c>, its output written to a log file kept for inspection. Stopped (by its process id) when disposed.
/// </summary>
internal sealed class LocalSimulator : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private bool _closed;

    private LocalSimulator(Process process, string logPath)
    {
        _process = process;
        _logPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it printed.</summary>
    public string Tail()
    {
        lock (_log) return string.Join(Environment.NewLine, File.ReadLines(_logPath).TakeLast(12));
    }

    /// <summary>Starts the simulator with <paramref name="arguments"/>, its output appended to <paramref name="logPath"/>.</summary>
    public static LocalSimulator Start(IEnumerable<string> arguments, string logPath)
    {
        var dll = CheckoutBuild.Find(Path.Combine("samples", "DataCentreSimulator"), "DataCentreSimulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        var simulator = new LocalSimulator(process, logPath);
        process.OutputDataReceived += (_, e) => simulator.Write(e.Data);
        process.ErrorDataReceived += (_, e) => simulator.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return simulator;
    }

    /// <summary>Runs the simulator to its end; throws with its last lines when it fails.</summary>
    public static async Task RunAsync(IEnumerable<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        await using var simulator = Start(arguments, logPath);
        await simulator.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Waits for it to end by itself; throws with its last lines when it failed.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        if (_process.ExitCode != 0) throw new InvalidOperationException($"the simulator exited with {_process.ExitCode}: {Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (!_closed) _log.WriteLine(line);
        }
    }
}
