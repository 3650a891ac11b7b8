using System.CommandLine;
using DigitalTwin.Cli.Commands;

var root = new RootCommand("dt: operate and evaluate a DigitalTwin cluster.")
{
    EvalCommands.Create(),
    BenchCommands.Create(),
    DbCommands.Create(),
};
return await root.Parse(args).InvokeAsync();
