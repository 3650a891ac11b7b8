using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Publish telemetry through real MQTT and measure ingestion.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("not implemented yet");
            return 2;
        });
        return command;
    }
}
