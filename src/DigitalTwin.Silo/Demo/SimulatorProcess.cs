using System.Diagnostics;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The data-centre simulator as a child process: started with the given arguments, its output logged line by line,
/// killed with the silo. It is a separate program with its own physics (samples/DataCentreSimulator); the silo
/// knows only its command line.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ILogger _logger;

    private SimulatorProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    /// <summary>Completes when the simulator exits, with its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Tells a simulator started with <c>--start-on-input</c> to start publishing (one line on its standard input).</summary>
    public async Task SignalStartAsync()
    {
        await _process.StandardInput.WriteLineAsync("start");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Starts <c>dotnet &lt;dll&gt; &lt;arguments&gt;</c>.</summary>
    public static SimulatorProcess Start(string dll, IEnumerable<string> arguments, ILogger logger)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var simulator = new SimulatorProcess(process, logger);
        process.OutputDataReceived += (_, e) => simulator.Log(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => simulator.Log(e.Data, LogLevel.Warning);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return simulator;
    }

    /// <summary>
    /// The simulator built beside this silo: <c>samples/DataCentreSimulator/bin/&lt;configuration&gt;/net10.0</c> in the
    /// checkout the silo runs from (the silo's project references it so that it is built first), or null.
    /// </summary>
    public static string? FindBuilt()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Debug{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "DigitalTwin.sln"))) continue;
            return new[] { configuration, configuration == "Release" ? "Debug" : "Release" }
                .Select(c => System.IO.Path.Combine(dir.FullName, "samples", "DataCentreSimulator", "bin", c, "net10.0", "DataCentreSimulator.dll"))
                .FirstOrDefault(File.Exists);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Log(string? line, LogLevel level)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        LogLine(level, line);
    }

    [LoggerMessage(Message = "Simulator: {Line}")]
    private partial void LogLine(LogLevel level, string line);
}
