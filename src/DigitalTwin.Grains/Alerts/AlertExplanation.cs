using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Alerts;

/// <summary>Words for an alert: what deviated from what, and whether the neighbours point at a shared cause.</summary>
public static class AlertExplanation
{
    /// <summary>
    /// The explanation of <paramref name="alert"/>: for an anomaly, the value against its expected level; for a limit
    /// or role alert, the watch's own first sentence (already in <see cref="TwinAlert.Explanation"/>). Then the neighbours.
    /// </summary>
    public static string For(TwinAlert alert, Neighbourhood? neighbours)
    {
        var what = alert.AlertKind == AlertKind.Anomaly || alert.Explanation.Length == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{alert.Metric} = {alert.Value:0.##}, expected about {alert.Baseline:0.##} (anomaly score {alert.Score:0.00}).")
            : alert.Explanation;
        return $"{what} {Neighbours(alert.Kind, alert.Metric, neighbours)}";
    }

    private static string Neighbours(TwinKind kind, string metric, Neighbourhood? n)
    {
        if (n is null) return "Its neighbours could not be consulted.";
        var place = $"{n.ParentKind.ToWireName()} {n.ParentId}";
        // A component lives in its server's air and on its power: when the server itself is in trouble (a hot inlet
        // from failed cooling, a lost feed), the component is a symptom, not the cause.
        if (kind.LevelOf() == TwinLevel.Component && n.ParentOpenAlerts > 0)
            return $"Its {place} has open alerts of its own: the likely cause is there (its inlet air, power or workload), not this {kind.ToWireName()}.";
        // Air temperatures: the room's cooling, seen from the room, outranks what one rack can see.
        if (n.Room is { } room && room.CoolingInTrouble.Count > 0)
        {
            var units = string.Join(", ", room.CoolingInTrouble);
            return $"Cooling in room {room.RoomId} is in trouble ({(room.CoolingInTrouble.Count == 1 ? "CRAC" : "CRACs")} {units}): the likely cause is the room's cooling, not this {kind.ToWireName()}.";
        }
        if (n.Room is { OtherRacksWithAlerts: > 0 } warm)
        {
            return $"{warm.OtherRacksWithAlerts} of {warm.OtherRacks} other racks in room {warm.RoomId} have open alerts too: a room-wide cause such as cooling is likely, not this {kind.ToWireName()}.";
        }
        if (n.Siblings == 0) return $"It is the only twin in {place}.";
        var mean = n.SiblingMean is { } m
            ? string.Create(CultureInfo.InvariantCulture, $" (their mean {metric} is {m:0.##})")
            : "";
        return n.SiblingsWithAlerts > 0
            ? $"{n.SiblingsWithAlerts} of {n.Siblings} other twins in {place} have open alerts too{mean}: a shared cause such as cooling, power or workload is likely."
            : $"No other twin in {place} has an open alert{mean}: the cause is likely local to this {kind.ToWireName()}.";
    }
}
