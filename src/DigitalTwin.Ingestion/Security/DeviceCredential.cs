namespace DigitalTwin.Ingestion.Security;

/// <summary>
/// One device (or gateway) allowed to connect to the embedded broker: its user name, its password stored hashed
/// (<c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>), and the twins it may publish for.
/// </summary>
public sealed class DeviceCredential
{
    /// <summary>The MQTT user name.</summary>
    public string Username { get; set; } = "";

    /// <summary>The password hash; see <see cref="PasswordHash"/> for the format and how to make one.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>
    /// Twin ids the device may publish telemetry and command acknowledgements for. An entry ending in <c>*</c> is a
    /// prefix (<c>rack-a1-*</c>); a lone <c>*</c> allows every twin (for gateways).
    /// </summary>
    public List<string> Twins { get; set; } = [];

    /// <summary>
    /// Topic filters the device may subscribe to, besides the command topics of its own twins
    /// (<c>dt/commands/&lt;twin&gt;</c>), which it may always subscribe to.
    /// </summary>
    public List<string> Subscribe { get; set; } = [];
}
