using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt bench</c>: throughput and latency figures, each with a raw baseline measured in the same run.</summary>
internal static class BenchCommands
{
    public static Command Create() => new("bench", "Measure throughput and latency.")
    {
        BenchIngestCommand.Create(),
        BenchDetectCommand.Create(),
        BenchSimulateCommand.Create(),
        Scale.BenchScaleCommand.Create(),
        BenchOverloadCommand.Create(),
    };
}
