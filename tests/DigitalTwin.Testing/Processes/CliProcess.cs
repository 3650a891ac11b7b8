using System.Diagnostics;

namespace DigitalTwin.Testing.Processes;

/// <summary>Runs the built <c>dt</c> command line (or another program of the repository) as a separate process, as a user would.</summary>
public static class CliProcess
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Runs <c>dt</c> with <paramref name="args"/> and waits for it (killing it after <paramref name="timeout"/>);
    /// <paramref name="environment"/> adds variables such as <c>DT_TOKEN</c>. <c>DT_TOKEN_FILE</c> points into the
    /// temporary folder unless given, so a test never reads or writes the user's own saved token.
    /// </summary>
    public static Task<Result> RunAsync(IEnumerable<string> args, TimeSpan? timeout = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunAssemblyAsync(RepositoryLayout.BuiltAssembly("DigitalTwin.Cli", "dt"), args, timeout, workingDirectory, environment);

    /// <summary>Runs another built program of the repository (a sample, say) the same way.</summary>
    public static async Task<Result> RunAssemblyAsync(string assembly, IEnumerable<string> args, TimeSpan? timeout = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(assembly, args, workingDirectory, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileNameWithoutExtension(assembly)} {string.Join(' ', args)} did not finish in time.\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts <c>dt</c> with <paramref name="args"/>, waits for a line of its standard error containing
    /// <paramref name="ready"/>, sends it SIGTERM (as <c>timeout</c> or a service manager stops it) and waits up to
    /// <paramref name="exitWithin"/> for it to end; a process that does not end is killed and reported.
    /// </summary>
    public static async Task<Result> RunAndTerminateAsync(IEnumerable<string> args, string ready, TimeSpan exitWithin)
    {
        var assembly = RepositoryLayout.BuiltAssembly("DigitalTwin.Cli", "dt");
        using var process = Process.Start(StartInfo(assembly, args, null, null))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        using (var readyWithin = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (await process.StandardError.ReadLineAsync(readyWithin.Token) is { } line)
            {
                stderr.AppendLine(line);
                if (line.Contains(ready, StringComparison.Ordinal)) break;
            }
        }
        var rest = process.StandardError.ReadToEndAsync();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(exitWithin);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dt {string.Join(' ', args)} did not end within {exitWithin} of SIGTERM.\n{stderr}");
        }
        return new Result(process.ExitCode, await stdout, stderr + await rest);
    }

    private static ProcessStartInfo StartInfo(string assembly, IEnumerable<string> args, string? workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        if (!File.Exists(assembly)) throw new InvalidOperationException($"{Path.GetFileName(assembly)} is not built: {assembly}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.Root,
        };
        info.ArgumentList.Add(assembly);
        info.Environment["DT_TOKEN_FILE"] = Path.Combine(Path.GetTempPath(), $"dt-test-token-{Environment.ProcessId}");
        info.Environment.Remove("DT_TOKEN");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }
}
