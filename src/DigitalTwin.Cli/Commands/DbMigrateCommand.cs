using System.CommandLine;

namespace DigitalTwin.Cli.Commands;

internal static class DbMigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the schema scripts in deploy/postgresql that are not applied yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("not implemented yet");
            return 2;
        });
        return command;
    }
}
