using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace ManufacturingLine;

/// <summary>
/// The line's gateway: one MQTT message per tick on <c>dt/telemetry</c> carrying every machine's readings (the
/// platform's many-twins payload), at QoS 1 so the broker acknowledges each.
/// </summary>
internal sealed class LineTelemetry(string host, int port, string? username, string? password, string clientId) : IAsyncDisposable
{
    public const string VibrationMetric = "vibration_mm_s";
    public const string TemperatureMetric = "temp_c";

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500);
        if (username is not null) options = options.WithCredentials(username, password);
        var result = await _client.ConnectAsync(options.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker at {host}:{port} refused the line: {result.ResultCode} {result.ReasonString}");
        }
    }

    /// <summary>Publishes every machine's readings at <paramref name="at"/>; false when the broker refused the message.</summary>
    public async Task<bool> PublishAsync(IEnumerable<Machine> machines, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var twins = new Dictionary<string, Dictionary<string, double>>();
        foreach (var machine in machines)
        {
            var (vibration, temperature) = machine.Read(at);
            twins[machine.Id] = new() { [VibrationMetric] = Math.Round(vibration, 3), [TemperatureMetric] = Math.Round(temperature, 2) };
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { ts = at.ToString("O", CultureInfo.InvariantCulture), twins });
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("dt/telemetry").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        if (!result.IsSuccess) Console.Error.WriteLine($"line: the broker refused a batch: {result.ReasonCode} {result.ReasonString}");
        return result.IsSuccess;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }
}
