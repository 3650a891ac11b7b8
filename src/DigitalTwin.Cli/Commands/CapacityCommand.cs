using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Abstractions.Capacity;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt capacity --server-power-w 500</c>: how many more servers fit per room and rack, and when each limit is reached.</summary>
internal static class CapacityCommand
{
    public static Command Create()
    {
        var power = new Option<double>("--server-power-w") { Description = "Power of one server, W.", DefaultValueFactory = _ => 500 };
        var size = new Option<double>("--server-u") { Description = "Rack units one server takes.", DefaultValueFactory = _ => 1 };
        var dataCentre = new Option<string?>("--datacentre") { Description = "The data centre (default: the only one)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the same shape as the HTTP API)." };
        var command = new Command("capacity", "How many more servers of a given power fit per room and rack before power, cooling (N+1) or space runs out, and when.")
        {
            power, size, dataCentre, json,
        };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            if (parse.GetValue(power) is not > 0 || parse.GetValue(size) is not > 0)
            {
                await Console.Error.WriteLineAsync("dt: --server-power-w and --server-u must be above 0");
                return 2;
            }
            var (id, problem) = await client.ResolveDataCentreAsync(parse.GetValue(dataCentre));
            if (id is null)
            {
                await Console.Error.WriteLineAsync($"dt: {problem}");
                return 4;
            }
            var answer = await client.GetGrain<ICapacityGrain>(id).GetCapacityAsync(parse.GetValue(power), parse.GetValue(size));
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(answer, CliJson.Options));
            else Print(answer);
            return 0;
        }, ct));
        return command;
    }

    private static void Print(CapacityAnswer a)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{a.DataCentreId}: {a.MoreServers} more servers of {a.ServerPowerW:0} W, {a.ServerSizeU:0.#} U (as of {a.AsOf:u})"));
        foreach (var room in a.Rooms)
        {
            Console.WriteLine($"  {room.RoomId}: {room.MoreServers} more, limited by {room.LimitedBy}");
            foreach (var l in room.Limits) Console.WriteLine("    " + Describe(l));
            foreach (var rack in room.Racks)
            {
                Console.WriteLine($"    {rack.RackId,-16} {rack.MoreServers,4} more, limited by {rack.LimitedBy}");
            }
        }
    }

    private static string Describe(CapacityLimit l)
    {
        var when = l.ExhaustedAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"reached {at:yyyy-MM-dd HH:mm} (between {l.Earliest:yyyy-MM-dd HH:mm} and {(l.Latest is { } late ? late.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "not within reach")})")
            : "no date";
        return string.Create(CultureInfo.InvariantCulture, $"{l.Resource,-17} {l.Used:0} of {l.Limit:0} {l.Unit}: {l.MoreServers} more; {when}; {l.Basis}");
    }
}
