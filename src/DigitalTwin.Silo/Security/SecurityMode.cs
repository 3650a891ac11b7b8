namespace DigitalTwin.Silo.Security;

/// <summary>The <c>DigitalTwin:Security:Mode</c> switch.</summary>
public enum SecurityMode
{
    /// <summary>
    /// Every web request, dashboard page and external grain call must present a signed-in identity with the right
    /// role. The default everywhere except the demo.
    /// </summary>
    Required,

    /// <summary>
    /// No sign-in: every caller may do everything. Only for the demo and tests on one machine, so the silo refuses
    /// to start in this mode when anything (web, MQTT, gateway, silo port) listens on a non-loopback address.
    /// </summary>
    Open,
}
