namespace DigitalTwin.Ingestion.Broker;

/// <summary>
/// Reads an MQTT connection's bytes as they arrive and refuses, by failing the read, a packet whose fixed header
/// announces more than the limit. MQTTnet's broker has no maximum packet size of its own: it would buffer a
/// 256 MB packet whole before any rule could look at it. Here only the fixed header is read before the refusal.
/// </summary>
internal sealed class PacketSizeGuardStream(Stream inner, int maxPacketBytes, Action<long> refused) : Stream
{
    private enum Part { Header, Length, Body }

    private Part _part = Part.Header;
    private long _remaining;
    private int _multiplier;

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Inspect(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Inspect(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Follows packet boundaries through the bytes just read (fixed header, variable-length size, body).</summary>
    private int Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_part)
            {
                case Part.Header:
                    i++;
                    _part = Part.Length;
                    _remaining = 0;
                    _multiplier = 1;
                    break;
                case Part.Length:
                    var b = bytes[i++];
                    _remaining += (b & 0x7F) * (long)_multiplier;
                    _multiplier *= 128;
                    if ((b & 0x80) != 0 && _multiplier <= 128 * 128 * 128) break;
                    if (_remaining > maxPacketBytes)
                    {
                        refused(_remaining);
                        throw new IOException($"MQTT packet of {_remaining} bytes refused: the limit is {maxPacketBytes} bytes.");
                    }
                    _part = _remaining == 0 ? Part.Header : Part.Body;
                    break;
                default:
                    var skip = (int)Math.Min(_remaining, bytes.Length - i);
                    i += skip;
                    _remaining -= skip;
                    if (_remaining == 0) _part = Part.Header;
                    break;
            }
        }
        return bytes.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
