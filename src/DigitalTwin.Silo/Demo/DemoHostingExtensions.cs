namespace DigitalTwin.Silo.Demo;

/// <summary>Adds the demo (sample topology and simulated devices) when it is enabled.</summary>
public static class DemoHostingExtensions
{
    /// <summary>Registers the demo's background services if <c>DigitalTwin:Demo:Enabled</c> is true.</summary>
    public static WebApplicationBuilder AddDigitalTwinDemo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("DigitalTwin:Demo");
        builder.Services.Configure<DemoOptions>(section);
        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            builder.Services.AddHostedService<DemoDataCentre>();
        }
        return builder;
    }
}
