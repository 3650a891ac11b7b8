using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt eval</c>: quality of the models on public benchmarks.</summary>
internal static class EvalCommands
{
    public static Command Create() => new("eval", "Evaluate the twin's models on public benchmarks (NAB, C-MAPSS) and against the data-centre simulator.")
    {
        EvalNabCommand.Create(),
        EvalCmapssCommand.Create(),
        EvalAlertThresholdCommand.Create(),
        EvalCoolingCommand.Create(),
        EvalWhatIfCommand.Create(),
        EvalFaultsCommand.Create(),
    };
}
