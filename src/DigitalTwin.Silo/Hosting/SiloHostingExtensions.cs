using DigitalTwin.Abstractions.Security;
using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Persistence.Hosting;
using Orleans.Dashboard;

namespace DigitalTwin.Silo.Hosting;

/// <summary>Builds the Orleans silo inside the ASP.NET Core host.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds Orleans with the twins, their storage, clustering and the dashboard.</summary>
    public static WebApplicationBuilder AddDigitalTwinSilo(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo =>
        {
            silo.AddDigitalTwinPersistence(builder.Configuration, TwinStorage.Name);
            silo.AddDigitalTwinGrains();
            silo.AddDashboard();
            silo.AddTwinChangeFeeds();
            // After the cluster settings, so the pod's own name, address and ids win when it runs on Kubernetes.
            if (ClusterSettings.From(builder.Configuration).Kubernetes) silo.UseKubernetesHosting();
        });
        // After Orleans, so the configured clock replaces whatever default it registered.
        builder.AddDigitalTwinClock();
        return builder;
    }

    /// <summary>Maps the Orleans dashboard at <c>/dashboard</c>, for viewers and above.</summary>
    public static WebApplication MapDigitalTwinDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(TwinRoles.Viewer);
        return app;
    }
}
