using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt db</c>: the PostgreSQL schema.</summary>
internal static class DbCommands
{
    public static Command Create() => new("db", "Manage the PostgreSQL schema the Orleans ADO.NET providers use.")
    {
        DbMigrateCommand.Create(),
    };
}
