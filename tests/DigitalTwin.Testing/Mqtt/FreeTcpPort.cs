using System.Net;
using System.Net.Sockets;

namespace DigitalTwin.Testing.Mqtt;

/// <summary>Free loopback TCP ports for brokers and silos started by tests.</summary>
public static class FreeTcpPort
{
    /// <summary>A port that was free a moment ago (the OS hands out ephemeral ports in turn, so reuse is unlikely).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
