using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

internal static class BenchDetectCommand
{
    public static Command Create()
    {
        var command = new Command("detect", "Measure anomaly detector cost per reading.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("not implemented yet");
            return 2;
        });
        return command;
    }
}
