using Spectre.Console;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// A spinner on standard error while something slow runs (connecting, fanning a query out over a data centre), so a
/// person sees that <c>dt</c> is working; nothing is drawn when output goes to a script (<c>--json</c>, redirection).
/// </summary>
internal static class Busy
{
    private static readonly IAnsiConsole Status = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static async Task<T> WhileAsync<T>(string what, bool quiet, Func<Task<T>> work)
    {
        if (quiet || Console.IsErrorRedirected) return await work();
        return await Status.Status().Spinner(Spinner.Known.Dots).StartAsync(what, _ => work());
    }
}
