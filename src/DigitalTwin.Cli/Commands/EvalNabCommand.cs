using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

internal static class EvalNabCommand
{
    public static Command Create()
    {
        var command = new Command("nab", "Score an anomaly detector on the Numenta Anomaly Benchmark.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("not implemented yet");
            return 2;
        });
        return command;
    }
}
