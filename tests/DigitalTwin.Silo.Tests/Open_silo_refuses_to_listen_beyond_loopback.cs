using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>DigitalTwin:Security:Mode=Open</c> (nobody signs in) is for one machine only: a silo asked to listen on a
/// non-loopback address while open stops before binding anything, and says which setting to change.
/// </summary>
public sealed class Open_silo_refuses_to_listen_beyond_loopback : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-open-").FullName;

    [Theory]
    [InlineData("urls", "http://0.0.0.0:{port}", "urls")]
    [InlineData("urls", "http://*:{port}", "urls")]
    [InlineData("DigitalTwin:Mqtt:Broker:BindAddress", "0.0.0.0", "DigitalTwin:Mqtt:Broker:BindAddress")]
    [InlineData("DigitalTwin:Cluster:AdvertisedIPAddress", "10.1.2.3", "DigitalTwin:Cluster:AdvertisedIPAddress")]
    public async Task An_open_silo_bound_beyond_loopback_refuses_to_start_and_names_the_setting(string key, string value, string named)
    {
        var ports = SiloPorts.Allocate();
        var settings = new Dictionary<string, string> { [key] = value.Replace("{port}", ports.Http.ToString()) };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(_workDir, settings, ports, timeout: TimeSpan.FromSeconds(60)));

        Assert.Contains("Refusing to start", refused.Message);
        Assert.Contains(named, refused.Message);
        Assert.Contains("Mode=Required", refused.Message);
    }

    [Fact]
    public async Task The_demo_is_open_and_starts_on_loopback()
    {
        await using var silo = await SiloProcess.StartAsync(_workDir, new Dictionary<string, string> { ["DigitalTwin:Security:Mode"] = "" }, demo: true);
        using var topology = await silo.Http.GetAsync("/api/topology");
        Assert.True(topology.IsSuccessStatusCode, silo.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
