using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>The <c>DigitalTwin:Cluster</c> configuration section: identity and endpoints of the silo.</summary>
public sealed record ClusterSettings
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "DigitalTwin:Cluster";

    /// <summary>The default cluster id and service id.</summary>
    public const string DefaultId = "digitaltwin";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public IPAddress AdvertisedIPAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The cluster's id: silos with the same id form one cluster.</summary>
    public string ClusterId { get; init; } = DefaultId;

    /// <summary>The service's id: stored state and reminders are keyed by it, so it must never change.</summary>
    public string ServiceId { get; init; } = DefaultId;

    /// <summary>
    /// Whether the silo runs as a Kubernetes pod (<c>Microsoft.Orleans.Hosting.Kubernetes</c>): its name, address and
    /// cluster ids come from the pod's environment (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID,
    /// ORLEANS_SERVICE_ID), and pods that are gone are declared dead in the membership table at once.
    /// </summary>
    public bool Kubernetes { get; init; }

    /// <summary>Reads and checks the section.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ClusterSettings
        {
            SiloPort = Port(section["SiloPort"], "SiloPort", 11111),
            GatewayPort = Port(section["GatewayPort"], "GatewayPort", 30000),
            AdvertisedIPAddress = Address(section["AdvertisedIPAddress"]),
            ClusterId = Id(section["ClusterId"]),
            ServiceId = Id(section["ServiceId"]),
            Kubernetes = section.GetValue<bool>("Kubernetes"),
        };
    }

    private static int Port(string? value, string name, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{Section}:{name} is '{value}'; expected a TCP port between 1 and 65535.");
    }

    private static IPAddress Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:AdvertisedIPAddress is '{value}'; expected an IPv4 or IPv6 address.");
    }

    private static string Id(string? value) => string.IsNullOrWhiteSpace(value) ? DefaultId : value.Trim();
}
