using System.Text.Json;

namespace DataCentreSimulator.Telemetry;

/// <summary>
/// Offline mode (CONTRACTS 11): every message that would be published is written as one JSON line
/// <c>{"ts": ..., "topic": ..., "payload": {...}}</c>.
/// </summary>
internal sealed class RecordingSink : ITelemetrySink
{
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;

    public RecordingSink(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_stream);
    }

    public Task PublishAsync(string topic, byte[] payload, DateTimeOffset ts, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString("ts", ts);
        _json.WriteString("topic", topic);
        _json.WritePropertyName("payload");
        _json.WriteRawValue(payload, skipInputValidation: true);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
