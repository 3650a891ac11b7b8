using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace DigitalTwin.Ingestion.Broker;

/// <summary>
/// Wraps the broker's TCP adapter so that MQTT 3.1.1 clients that connect with an empty client id and a clean
/// session (<c>mosquitto_pub</c> without <c>-i</c>, as the spec allows) get one assigned. MQTTnet only assigns ids
/// for MQTT 5 and refuses 3.1.1 clients before any handler could help, so the id is filled in as the CONNECT packet
/// is read.
/// </summary>
internal sealed class ClientIdAssigningServerAdapter(IMqttServerAdapter inner) : IMqttServerAdapter
{
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        inner.ClientHandler = channel => ClientHandler is { } handler ? handler(new ClientIdAssigningChannelAdapter(channel)) : Task.CompletedTask;
        return inner.StartAsync(options, logger);
    }

    public Task StopAsync() => inner.StopAsync();

    public void Dispose() => inner.Dispose();
}
