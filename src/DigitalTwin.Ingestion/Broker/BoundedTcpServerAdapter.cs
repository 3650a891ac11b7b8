using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace DigitalTwin.Ingestion.Broker;

/// <summary>
/// The broker's TCP listener, in place of MQTTnet's own so that every connection reads through a
/// <see cref="PacketSizeGuardStream"/>: a packet larger than the limit closes its connection after its first few
/// bytes instead of being buffered whole.
/// </summary>
internal sealed class BoundedTcpServerAdapter(IPAddress address, int port, int backlog, int maxPacketBytes, Action<long> refused)
    : IMqttServerAdapter
{
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        var listener = new TcpListener(address, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(backlog);
        _listener = listener;
        _ = Task.Run(() => AcceptAsync(listener, options, logger, _stopping.Token));
        return Task.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, MqttServerOptions options, IMqttNetLogger logger, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeAsync(socket, options, logger), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, MqttServerOptions options, IMqttNetLogger logger)
    {
        try
        {
            socket.NoDelay = true;
            var stream = new PacketSizeGuardStream(new NetworkStream(socket, ownsSocket: true), maxPacketBytes, refused);
            using var channel = new MqttTcpChannel(stream, socket.LocalEndPoint!, socket.RemoteEndPoint!, null!);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, logger);
            if (ClientHandler is { } handler) await handler(adapter).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The connection is gone (or refused as too large, counted by the guard); the broker carries on.
            socket.Dispose();
        }
    }

    public Task StopAsync()
    {
        _stopping.Cancel();
        _listener?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener?.Stop();
        _stopping.Dispose();
    }
}
