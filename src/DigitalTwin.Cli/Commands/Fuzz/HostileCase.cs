namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>One generated MQTT publish: where, what, and whether the silo is expected to close the connection for it.</summary>
/// <param name="Topic">The topic (always a legal MQTT topic name, so that the client library sends it).</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="Kind">What the case tries, for the report.</param>
/// <param name="OverPacketLimit">
/// A payload far above the packet limit (10 MB): the silo refuses it from the packet's fixed header and closes the
/// connection without a PUBACK; counted as received and refused (<c>oversized</c>) all the same.
/// </param>
internal sealed record HostileCase(string Topic, byte[] Payload, string Kind, bool OverPacketLimit = false);
