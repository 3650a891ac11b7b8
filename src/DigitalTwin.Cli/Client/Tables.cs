using System.Globalization;
using DigitalTwin.Abstractions.Health;
using Spectre.Console;

namespace DigitalTwin.Cli.Client;

/// <summary>How <c>dt</c> draws tables and figures for people (scripts use <c>--json</c>).</summary>
internal static class Tables
{
    public static Table New(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(new TableColumn(column));
        return table;
    }

    public static string Health(HealthStatus health) => health switch
    {
        HealthStatus.Ok => "[green]Ok[/]",
        HealthStatus.Warning => "[yellow]Warning[/]",
        HealthStatus.Critical => "[red]Critical[/]",
        HealthStatus.Failed => "[bold red]Failed[/]",
        _ => "[grey]Unknown[/]",
    };

    public static string Number(double? value, string format = "0.##") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    public static string Text(string? text) => Markup.Escape(text ?? "");
}
