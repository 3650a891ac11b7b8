using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

internal static class EvalCmapssCommand
{
    public static Command Create()
    {
        var command = new Command("cmapss", "Predict remaining useful life on NASA C-MAPSS.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("not implemented yet");
            return 2;
        });
        return command;
    }
}
