namespace DigitalTwin.Silo.Security;

/// <summary>Sign-in and roles for the web pages, the HTTP API, the dashboard and external grain calls.</summary>
public static class SecurityHostingExtensions
{
    /// <summary>
    /// Reads <c>DigitalTwin:Security</c>. An open silo (no sign-in) is refused here, before anything binds, when any
    /// of its listeners would be reachable from another machine.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are invalid or unsafe; the message says which and why.</exception>
    public static WebApplicationBuilder AddDigitalTwinSecurity(this WebApplicationBuilder builder)
    {
        var settings = SecuritySettings.From(builder.Configuration);
        if (settings.Mode == SecurityMode.Open)
        {
            var exposed = OpenModeGuard.NonLoopbackBindings(builder.Configuration);
            if (exposed.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Refusing to start: {SecuritySettings.Section}:Mode is Open (nobody signs in), but {string.Join("; ", exposed)}. " +
                    "An open silo may only listen on loopback (127.0.0.1, ::1, localhost): bind those to loopback, or set " +
                    $"{SecuritySettings.Section}:Mode=Required and configure users (see the README's Security section).");
            }
        }
        builder.Services.AddSingleton(settings);
        return builder;
    }
}
