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
        using var process = Process.Start(info)!;
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
}
