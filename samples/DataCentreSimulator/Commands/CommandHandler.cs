using System.Globalization;
using System.Text.Json;
using DataCentreSimulator.Faults;
using DataCentreSimulator.Plant;
using DataCentreSimulator.Truth;

namespace DataCentreSimulator.Commands;

/// <summary>
/// Obeys the twin's commands to CRACs (CONTRACTS 4: <c>set_setpoint</c> {"setpoint_c"}, <c>set_fan_speed</c>
/// {"fan_pct"}) and refuses, with the reason, a value outside the unit's rated range; takes fault injections from
/// <c>sim/faults</c>. Every command is answered on <c>dt/commands/&lt;id&gt;/ack</c> and written to the truth.
/// </summary>
internal sealed class CommandHandler(PlantIndex plant, FaultInjector faults, TruthLog truth)
{
    public const string CommandPrefix = "dt/commands/";
    public const string CommandTopicFilter = "dt/commands/+";
    public const string FaultTopic = "sim/faults";

    /// <summary>Handles one inbound message; returns the acknowledgement to publish, if any.</summary>
    public (string Topic, byte[] Payload)? Handle(string topic, byte[] payload, double nowS, DateTimeOffset epoch)
    {
        if (topic == FaultTopic)
        {
            InjectFault(payload, nowS, epoch);
            return null;
        }
        if (!topic.StartsWith(CommandPrefix, StringComparison.Ordinal) || topic.EndsWith("/ack", StringComparison.Ordinal)) return null;
        var twinId = topic[CommandPrefix.Length..];
        string commandId = "", name = "";
        bool success;
        string detail;
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            commandId = root.TryGetProperty("commandId", out var id) ? id.GetString() ?? "" : "";
            name = root.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var arguments = root.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            (success, detail) = Apply(twinId, name, arguments);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            (success, detail) = (false, $"malformed command: {ex.Message}");
        }
        var now = epoch + TimeSpan.FromSeconds(nowS);
        truth.Command(now, commandId, twinId, name, success, detail);
        var ack = JsonSerializer.SerializeToUtf8Bytes(new Acknowledgement(commandId, success, detail));
        return ($"{CommandPrefix}{twinId}/ack", ack);
    }

    /// <summary>Obeys a command from the command line as it would one from the twin; false with the reason when refused.</summary>
    public (bool Success, string Detail) Obey(ScheduledCommand command, int number, double nowS, DateTimeOffset epoch)
    {
        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, double> { [command.Argument] = command.Value }));
        var (success, detail) = Apply(command.TwinId, command.Name, json.RootElement);
        truth.Command(epoch + TimeSpan.FromSeconds(nowS), $"command-at-{number}", command.TwinId, command.Name, success, detail);
        return (success, detail);
    }

    private (bool, string) Apply(string twinId, string name, JsonElement arguments)
    {
        if (!plant.Cracs.TryGetValue(twinId, out var crac)) return (false, $"'{twinId}' takes no commands here (only CRACs do)");
        switch (name)
        {
            case "set_setpoint":
                if (Number(arguments, "setpoint_c") is not { } setpoint) return (false, "set_setpoint needs a number 'setpoint_c'");
                if (setpoint < crac.SetpointMinC || setpoint > crac.SetpointMaxC)
                {
                    return (false, $"setpoint_c {Show(setpoint)} is outside {crac.Id}'s range {Show(crac.SetpointMinC)}–{Show(crac.SetpointMaxC)} °C");
                }
                crac.SetpointC = setpoint;
                return (true, $"setpoint {Show(setpoint)} °C applied");
            case "set_fan_speed":
                if (Number(arguments, "fan_pct") is not { } fan) return (false, "set_fan_speed needs a number 'fan_pct'");
                if (fan < crac.FanMinPct || fan > 100)
                {
                    return (false, $"fan_pct {Show(fan)} is outside {crac.Id}'s range {Show(crac.FanMinPct)}–100 %");
                }
                crac.FanPct = fan;
                return (true, $"fan speed {Show(fan)} % applied");
            default:
                return (false, $"unknown command '{name}' (a CRAC takes set_setpoint and set_fan_speed)");
        }
    }

    private void InjectFault(byte[] payload, double nowS, DateTimeOffset epoch)
    {
        try
        {
            var spec = JsonSerializer.Deserialize<FaultMessage>(payload, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            if (spec?.Kind is null || spec.Target is null)
            {
                Console.Error.WriteLine("simulator: sim/faults message refused: it needs 'kind' and 'target'");
                return;
            }
            if (spec.Clear == true)
            {
                faults.Clear(spec.Kind, spec.Target, nowS, epoch);
                return;
            }
            var fault = new FaultSpec(spec.Kind, spec.Target, nowS, spec.DurationS, spec.RampS, spec.Metric, spec.Magnitude);
            if (faults.Check(fault) is { } problem)
            {
                Console.Error.WriteLine($"simulator: sim/faults message refused: {problem}");
                return;
            }
            faults.Schedule([fault]);
            faults.Advance(nowS, epoch);
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"simulator: sim/faults message refused: {ex.Message}");
        }
    }

    private static double? Number(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;

    private static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Acknowledgement(
        [property: System.Text.Json.Serialization.JsonPropertyName("commandId")] string CommandId,
        [property: System.Text.Json.Serialization.JsonPropertyName("success")] bool Success,
        [property: System.Text.Json.Serialization.JsonPropertyName("detail")] string Detail);

    private sealed class FaultMessage
    {
        public string? Kind { get; set; }
        public string? Target { get; set; }
        public double? DurationS { get; set; }
        public double? RampS { get; set; }
        public string? Metric { get; set; }
        public double? Magnitude { get; set; }
        public bool? Clear { get; set; }
    }
}
