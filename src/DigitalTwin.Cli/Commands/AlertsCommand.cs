using System.CommandLine;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt alerts [--resolved]</c>: the fleet's open alerts, worst first.</summary>
internal static class AlertsCommand
{
    public static Command Create() => FleetListCommand.Create("alerts", "List the alerts of every data centre, worst first.", "alert",
        (client, resolved) => client.GetFleetAlertsAsync(resolved),
        ["Twin", "Severity", "State", "Metric", "Value", "Baseline", "Since", "Explanation"],
        a => [Tables.Text(a.TwinId), Tables.Health(a.Severity), a.State.ToString(), Tables.Text(a.Metric),
            Tables.Number(a.Value), Tables.Number(a.Baseline), a.FirstSeen.ToString("u"), Tables.Text(a.Explanation)]);
}
