using DigitalTwin.Cli.Client;

namespace DigitalTwin.Testing.Processes;

/// <summary>Loopback ports nobody listens on right now (the same finder `dt` uses for what it starts).</summary>
public static class FreePorts
{
    /// <summary>A port that is free now and was not handed out before in this process.</summary>
    public static int Next() => LoopbackPorts.Next();

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    public static Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string>? diagnostics = null) =>
        LoopbackPorts.WaitUntilListeningAsync(port, timeout, diagnostics);
}
