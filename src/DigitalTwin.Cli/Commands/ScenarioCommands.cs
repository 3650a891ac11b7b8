using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt scenario</c>: what-if questions asked of the twin.</summary>
internal static class ScenarioCommands
{
    public static Command Create() => new("scenario", "Ask the twin what-if questions on a fork of its live state.")
    {
        ScenarioRunCommand.Create(),
    };
}
