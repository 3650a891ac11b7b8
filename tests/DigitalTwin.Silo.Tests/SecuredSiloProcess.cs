using System.Net.Http.Headers;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// The silo process with sign-in required (<see cref="SiloSecurity"/>) and its embedded store, holding a small
/// data centre imported over HTTP by the admin: one room, one rack with one server, one CRAC.
/// </summary>
public sealed class SecuredSiloProcess : IAsyncLifetime
{
    public const string Topology = """
        twins:
          - { id: dc-sec, kind: datacentre }
          - { id: room-sec, kind: room, parent: dc-sec }
          - { id: rack-sec, kind: rack, parent: room-sec, rated: { power_budget_w: 10000 } }
          - { id: srv-sec, kind: server, parent: rack-sec }
          - { id: crac-sec, kind: crac, parent: room-sec, rated: { cooling_capacity_w: 60000 } }
        """;

    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-secured-").FullName;
    private SiloProcess? _silo;

    public SiloSecurity Security { get; } = new();

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("not started");

    /// <summary>The embedded store's file.</summary>
    public string StoreFile => Path.Combine(_workDir, "data", "digitaltwin.db");

    public async Task InitializeAsync()
    {
        _silo = await SiloProcess.StartAsync(_workDir, Security.Settings);
        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/topology") { Content = new StringContent(Topology) };
        import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Security.SignInAsync(Silo.Http, TwinRole.Admin));
        using var response = await Silo.Http.SendAsync(import);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{Silo.Output}");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
