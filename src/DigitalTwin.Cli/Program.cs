using System.CommandLine;
using DigitalTwin.Cli.Client;
using DigitalTwin.Cli.Commands;
using DigitalTwin.Cli.Commands.Chaos;
using DigitalTwin.Cli.Commands.Fuzz;

var root = new RootCommand("dt: operate and evaluate a DigitalTwin cluster.")
{
    EvalCommands.Create(),
    BenchCommands.Create(),
    DbCommands.Create(),
    ShowCommand.Create(),
    TopologyCommands.Create(),
    QueryCommand.Create(),
    ScenarioCommands.Create(),
    FuzzCommand.Create(),
    ChaosCommand.Create(),
    CoolingCommands.Create(),
    CapacityCommand.Create(),
    LsCommand.Create(),
    FindCommand.Create(),
    AlertsCommand.Create(),
    IncidentsCommand.Create(),
    PredictCommand.Create(),
    WatchCommand.Create(),
    ImportCommand.Create(),
    LoginCommand.Create(),
    HashPasswordCommand.Create(),
    AuditCommands.Create(),
};
// Connection options are recursive: every command that talks to a cluster understands them.
root.Options.Add(ClusterConnection.Gateway);
root.Options.Add(ClusterConnection.Postgres);
root.Options.Add(ClusterConnection.ClusterId);
root.Options.Add(ClusterConnection.Token);
return await root.Parse(args).InvokeAsync();
