using System.CommandLine;
using DigitalTwin.Cli.Client;
using DigitalTwin.Cli.Commands;

var root = new RootCommand("dt: operate and evaluate a DigitalTwin cluster.")
{
    EvalCommands.Create(),
    BenchCommands.Create(),
    DbCommands.Create(),
    ShowCommand.Create(),
    TopologyCommands.Create(),
    QueryCommand.Create(),
};
// Connection options are recursive: every command that talks to a cluster understands them.
root.Options.Add(ClusterConnection.Gateway);
root.Options.Add(ClusterConnection.Postgres);
root.Options.Add(ClusterConnection.ClusterId);
return await root.Parse(args).InvokeAsync();
