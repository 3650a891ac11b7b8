using System.Diagnostics;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Testing.Mqtt;

/// <summary>
/// Finds and runs the external programs the MQTT tests drive (mosquitto, mosquitto_pub, collectd), failing with a
/// clear message when one is not installed.
/// </summary>
public static class ExternalProgram
{
    /// <summary>The full path of <paramref name="name"/>; throws naming the Debian package when it is missing.</summary>
    public static string Require(string name, string debianPackage) => InstalledProgram.Require(name, debianPackage);

    /// <summary>The result of running a program to completion.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a program to completion (killing it after <paramref name="timeout"/>) and captures its output.</summary>
    public static async Task<Result> RunAsync(string path, IEnumerable<string> arguments, TimeSpan timeout, byte[]? standardInput = null)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(path)} {string.Join(' ', start.ArgumentList)} did not finish in {timeout}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
