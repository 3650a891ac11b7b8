using System.CommandLine;
using System.Globalization;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt incidents [--resolved]</c>: the fleet's incidents (alerts grouped by probable cause), worst first; a cooling
/// incident's forecast follows its summary (in full under <c>forecast</c> with <c>--json</c>).
/// </summary>
internal static class IncidentsCommand
{
    public static Command Create() => FleetListCommand.Create("incidents",
        "List the incidents of every data centre (alerts grouped by probable cause), worst first.", "incident",
        (client, resolved) => client.GetFleetIncidentsAsync(resolved),
        ["Incident", "Severity", "State", "Cause", "Points at", "Twins", "Since", "Summary"],
        i => [Tables.Text(i.IncidentId), Tables.Health(i.Severity), i.State.ToString(), i.Cause.ToString(),
            Tables.Text($"{i.CauseTwinId} ({i.CauseKind})"), i.TwinIds.Count.ToString(CultureInfo.InvariantCulture), i.FirstSeen.ToString("u"),
            Tables.Text(i.Forecast is { } f ? $"{i.Summary} {f.Summary}" : i.Summary)]);
}
