using System.Net;
using DigitalTwin.Persistence.Hosting;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// Refuses to start an open (no sign-in) silo that others could reach: every listening address must be loopback.
/// Checked before anything binds, from the same settings Kestrel, the broker and Orleans will read.
/// </summary>
public static class OpenModeGuard
{
    /// <summary>Every non-loopback binding the configuration asks for, each as a sentence naming its setting.</summary>
    public static IReadOnlyList<string> NonLoopbackBindings(IConfiguration configuration)
    {
        var problems = new List<string>();
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsLoopbackUrl(url)) problems.Add($"the web server listens on {url} (urls)");
            }
        }
        else
        {
            // Without urls, Kestrel listens on every interface for the ports these name.
            foreach (var key in new[] { "http_ports", "https_ports" })
            {
                if (!string.IsNullOrWhiteSpace(configuration[key])) problems.Add($"the web server listens on all interfaces, ports {configuration[key]} ({key})");
            }
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            if (url is not null && !IsLoopbackUrl(url)) problems.Add($"the web server listens on {url} (Kestrel:Endpoints:{endpoint.Key}:Url)");
        }

        var broker = configuration.GetSection("DigitalTwin:Mqtt:Broker");
        if (broker.GetValue("Enabled", true))
        {
            var bind = broker["BindAddress"] ?? "0.0.0.0";
            if (!IPAddress.TryParse(bind, out var address) || !IPAddress.IsLoopback(address))
            {
                problems.Add($"the MQTT broker listens on {bind} (DigitalTwin:Mqtt:Broker:BindAddress)");
            }
        }

        var cluster = ClusterSettings.From(configuration);
        if (!IPAddress.IsLoopback(cluster.AdvertisedIPAddress))
        {
            problems.Add($"the silo and gateway ports listen on {cluster.AdvertisedIPAddress} (DigitalTwin:Cluster:AdvertisedIPAddress)");
        }
        return problems;
    }

    private static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80) are not URIs; they mean every interface.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return false;
        }
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
