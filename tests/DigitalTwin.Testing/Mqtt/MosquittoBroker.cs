using DigitalTwin.Cli.Client;

namespace DigitalTwin.Testing.Mqtt;

/// <summary>
/// A throw-away mosquitto broker for one test class (<see cref="LocalMosquitto"/>, which `dt chaos` starts too): a
/// free loopback port, anonymous access, sessions in memory.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly LocalMosquitto _broker;

    private MosquittoBroker(LocalMosquitto broker) => _broker = broker;

    /// <summary>The loopback port it listens on.</summary>
    public int Port => _broker.Port;

    /// <summary>What mosquitto logged so far (for failure messages).</summary>
    public string Log => _broker.Log;

    /// <summary>Starts mosquitto and waits until it accepts connections.</summary>
    public static async Task<MosquittoBroker> StartAsync() => new(await LocalMosquitto.StartAsync());

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
