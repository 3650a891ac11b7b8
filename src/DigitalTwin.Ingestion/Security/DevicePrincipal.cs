namespace DigitalTwin.Ingestion.Security;

/// <summary>
/// Who is publishing, as far as ingestion cares: the twins it may publish for and the topics it may subscribe to.
/// Kept in the MQTT session so each publish is checked without another look-up.
/// </summary>
public sealed class DevicePrincipal
{
    private readonly HashSet<string> _twins;
    private readonly string[] _prefixes;
    private readonly bool _allTwins;
    private readonly HashSet<string> _subscriptions;

    /// <summary>The key under which the principal is stored in MQTT session items.</summary>
    public const string SessionKey = "dt.principal";

    private DevicePrincipal(string name, bool allTwins, IEnumerable<string> twins, IEnumerable<string> prefixes, IEnumerable<string> subscriptions, bool isInternal)
    {
        Name = name;
        _allTwins = allTwins;
        _twins = new HashSet<string>(twins, StringComparer.Ordinal);
        _prefixes = prefixes.ToArray();
        _subscriptions = new HashSet<string>(subscriptions, StringComparer.Ordinal);
        IsInternal = isInternal;
    }

    /// <summary>The user name, or <c>anonymous</c>.</summary>
    public string Name { get; }

    /// <summary>The silo itself (commands, dead letters): may publish on topics devices may not.</summary>
    public bool IsInternal { get; }

    /// <summary>An anonymous client where anonymous access is allowed: any twin, any subscription.</summary>
    public static DevicePrincipal Anonymous { get; } = new("anonymous", true, [], [], ["#"], false);

    /// <summary>
    /// Messages from an external broker: that broker authenticated the device and enforced its ACL, so any twin is
    /// accepted, but the silo's own topics are not.
    /// </summary>
    public static DevicePrincipal ExternalBroker { get; } = new("external-broker", true, [], [], [], false);

    /// <summary>The silo's own publisher.</summary>
    public static DevicePrincipal Silo { get; } = new("$silo", true, [], [], ["#"], true);

    /// <summary>A configured device.</summary>
    public static DevicePrincipal For(DeviceCredential device)
    {
        var all = device.Twins.Any(t => t == "*");
        var exact = device.Twins.Where(t => !t.EndsWith('*'));
        var prefixes = device.Twins.Where(t => t.Length > 1 && t.EndsWith('*')).Select(t => t[..^1]);
        return new DevicePrincipal(device.Username, all, exact, prefixes, device.Subscribe, false);
    }

    /// <summary>Whether the principal may publish telemetry or command acknowledgements for <paramref name="twinId"/>.</summary>
    public bool MayPublishFor(string twinId)
    {
        if (_allTwins || _twins.Contains(twinId)) return true;
        foreach (var prefix in _prefixes)
        {
            if (twinId.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the principal may subscribe to <paramref name="filter"/>: the command topic of one of its twins, or a
    /// filter configured for it (<c>#</c> allows any).
    /// </summary>
    public bool MaySubscribe(string filter)
    {
        if (_subscriptions.Contains("#") || _subscriptions.Contains(filter)) return true;
        if (filter.StartsWith("dt/commands/", StringComparison.Ordinal))
        {
            var twin = filter["dt/commands/".Length..];
            return twin.Length > 0 && !twin.Contains('/') && !twin.Contains('+') && !twin.Contains('#') && MayPublishFor(twin);
        }
        return false;
    }
}
