using MQTTnet;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>
/// The outlets the silo publishes through. The embedded broker and the external-broker client add themselves when
/// they start; a message goes to every available outlet, since devices may sit on either broker.
/// </summary>
public sealed class MqttOutlets
{
    private readonly Lock _gate = new();
    private IMqttOutlet[] _outlets = [];

    /// <summary>Adds an outlet.</summary>
    public void Add(IMqttOutlet outlet)
    {
        lock (_gate) _outlets = [.. _outlets, outlet];
    }

    /// <summary>Removes an outlet.</summary>
    public void Remove(IMqttOutlet outlet)
    {
        lock (_gate) _outlets = _outlets.Where(o => !ReferenceEquals(o, outlet)).ToArray();
    }

    /// <summary>Whether any outlet can publish now.</summary>
    public bool IsAvailable => _outlets.Any(o => o.IsAvailable);

    /// <summary>Publishes through every available outlet; false when there was none.</summary>
    public async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var outlet in _outlets)
        {
            if (!outlet.IsAvailable) continue;
            await outlet.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            any = true;
        }
        return any;
    }
}
