using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace DigitalTwin.Ingestion.Broker;

/// <summary>A connection whose first packet, a CONNECT with an empty client id and a clean session, gets an id.</summary>
internal sealed class ClientIdAssigningChannelAdapter(IMqttChannelAdapter inner) : IMqttChannelAdapter
{
    private bool _connectSeen;

    public long BytesReceived => inner.BytesReceived;
    public long BytesSent => inner.BytesSent;
    public X509Certificate2 ClientCertificate => inner.ClientCertificate;
    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;
    public EndPoint LocalEndPoint => inner.LocalEndPoint;
    public bool IsSecureConnection => inner.IsSecureConnection;
    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (!_connectSeen && packet is MqttConnectPacket connect)
        {
            _connectSeen = true;
            // MQTT 5 clients are told their id in the CONNACK (see the connection validation); 3.1.1 has no way to.
            if (string.IsNullOrEmpty(connect.ClientId) && connect.CleanSession && PacketFormatterAdapter.ProtocolVersion != MQTTnet.Formatter.MqttProtocolVersion.V500)
            {
                connect.ClientId = "dt-anon-" + Guid.NewGuid().ToString("N");
            }
        }
        return packet;
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    public void Dispose() => inner.Dispose();
}
