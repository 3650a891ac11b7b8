using System.CommandLine;

namespace ManufacturingLine;

/// <summary>The sample's command line (options in samples/README.md).</summary>
internal static class LineCommandLine
{
    public static RootCommand Create()
    {
        var silo = new Option<string>("--silo") { Description = "The silo's HTTP address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var broker = new Option<string>("--broker") { Description = "The silo's MQTT broker, host:port.", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var username = new Option<string>("--username") { Description = "MQTT user name (a silo that does not allow anonymous devices)." };
        var password = new Option<string>("--password") { Description = "MQTT password." };
        var token = new Option<string>("--token") { Description = "Bearer token of an admin for the import (a silo that requires sign-in; `dt login` makes one)." };
        var topology = new Option<string>("--topology") { Description = "The line's topology file.", DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "production-line.yaml") };
        var history = new Option<double>("--history-hours") { Description = "Hours of past readings replayed first.", DefaultValueFactory = _ => 20 };
        var interval = new Option<double>("--interval") { Description = "Seconds between two readings of each machine.", DefaultValueFactory = _ => 60 };
        var duration = new Option<double>("--duration") { Description = "Seconds to report live after the replay (0: until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the machines' levels, noise and which bearings wear.", DefaultValueFactory = _ => 3 };
        var root = new RootCommand("ManufacturingLine: a production line on the DigitalTwin platform; its machines report vibration and temperature, and the twin ranks their maintenance.");
        foreach (var option in new Option[] { silo, broker, username, password, token, topology, history, interval, duration, seed }) root.Options.Add(option);
        root.SetAction(async (parse, cancellationToken) =>
        {
            var hostPort = parse.GetValue(broker)!.Split(':');
            if (hostPort.Length != 2 || !int.TryParse(hostPort[1], out var port)) { Console.Error.WriteLine("line: --broker must be host:port"); return 2; }
            if (!Uri.TryCreate(parse.GetValue(silo), UriKind.Absolute, out var siloUri)) { Console.Error.WriteLine("line: --silo must be an http address"); return 2; }
            var settings = new LineSettings(siloUri, hostPort[0], port, parse.GetValue(username), parse.GetValue(password), parse.GetValue(token),
                parse.GetValue(topology)!, parse.GetValue(history), parse.GetValue(interval), parse.GetValue(duration), parse.GetValue(seed));
            if (settings.IntervalS <= 0 || settings.HistoryHours < 0) { Console.Error.WriteLine("line: --interval must be above 0 and --history-hours at least 0"); return 2; }
            try
            {
                return await LineRun.RunAsync(settings, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                Console.Error.WriteLine($"line: {ex.Message}");
                return 1;
            }
        });
        return root;
    }
}
