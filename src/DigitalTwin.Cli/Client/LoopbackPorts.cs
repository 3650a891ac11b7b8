using System.Net;
using System.Net.Sockets;

namespace DigitalTwin.Cli.Client;

/// <summary>Loopback ports nobody listens on right now.</summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port that is free now and was not handed out before in this process.</summary>
    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port)) return port;
            }
        }
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"Nothing listens on 127.0.0.1:{port} after {timeout}. {diagnostics?.Invoke()}", ex);
            }
        }
    }
}
