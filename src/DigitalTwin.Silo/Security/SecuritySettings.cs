namespace DigitalTwin.Silo.Security;

/// <summary>The <c>DigitalTwin:Security</c> configuration section.</summary>
public sealed record SecuritySettings
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "DigitalTwin:Security";

    /// <summary>Whether callers must sign in; <see cref="SecurityMode.Required"/> unless configured (the demo sets Open).</summary>
    public SecurityMode Mode { get; init; } = SecurityMode.Required;

    /// <summary>Reads and checks the section; a bad value is reported with the setting's full name.</summary>
    public static SecuritySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var mode = section["Mode"];
        return new SecuritySettings
        {
            Mode = string.IsNullOrWhiteSpace(mode) ? SecurityMode.Required
                : Enum.TryParse<SecurityMode>(mode.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new InvalidOperationException($"{Section}:Mode is '{mode}'; expected Required or Open."),
        };
    }
}
