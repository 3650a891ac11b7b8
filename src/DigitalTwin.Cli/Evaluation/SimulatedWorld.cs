using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Cli.Client;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Cli.Evaluation;

/// <summary>
/// A world for an evaluation: a silo of its own (free ports, memory storage) whose demo runs the data-centre
/// simulator on a generated data centre, both on one accelerated clock, the simulator writing its ground truth.
/// The evaluation talks to the twin over HTTP as an operator would, and to the world only through the simulator's
/// documented fault topic and its truth file — never through its code.
/// </summary>
internal sealed class SimulatedWorld : IAsyncDisposable
{
    // Room for the silo to start, import the generated topology and the simulator to settle before time runs.
    private static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(45);

    private readonly LocalSilo _silo;
    private readonly string _folder;

    private SimulatedWorld(LocalSilo silo, ScaledTimeProvider clock, string folder)
    {
        _silo = silo;
        Clock = clock;
        _folder = folder;
        Http = new HttpClient { BaseAddress = silo.Api, Timeout = TimeSpan.FromMinutes(3) };
    }

    /// <summary>The shared clock: the simulator's and the twins' simulated time.</summary>
    public ScaledTimeProvider Clock { get; }

    /// <summary>The silo's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The silo.</summary>
    public LocalSilo Silo => _silo;

    /// <summary>The simulator's ground truth (JSON lines, appended as it runs).</summary>
    public string TruthPath => Path.Combine(_folder, "truth.jsonl");

    /// <summary>Simulated seconds since the world's epoch.</summary>
    public double ElapsedS => (Clock.GetUtcNow() - Clock.Epoch).TotalSeconds;

    /// <summary>Starts the silo and, through its demo, the simulator; returns once the topology is imported.</summary>
    public static async Task<SimulatedWorld> StartAsync(WorldOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("dt-eval-").FullName;
        // The epoch lies a little ahead: until then the simulator waits, so the silo's start costs no simulated time.
        var anchor = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + StartAllowance).ToUnixTimeMilliseconds());
        var epoch = options.Epoch ?? DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var clock = new ScaledTimeProvider(epoch, options.TimeScale, anchor);
        var extra = string.Create(CultureInfo.InvariantCulture,
            $"--load {options.Load} {options.SimulatorArguments}").Trim();
        var settings = new Dictionary<string, string>
        {
            ["DigitalTwin:Clock:TimeScale"] = options.TimeScale.ToString("R", CultureInfo.InvariantCulture),
            ["DigitalTwin:Clock:Epoch"] = epoch.ToString("O", CultureInfo.InvariantCulture),
            ["DigitalTwin:Clock:Anchor"] = anchor.ToString("O", CultureInfo.InvariantCulture),
            ["DigitalTwin:Demo:Enabled"] = "true",
            ["DigitalTwin:Demo:Topology"] = "",
            ["DigitalTwin:Demo:Faults"] = "",
            ["DigitalTwin:Demo:Simulator:Servers"] = options.Servers.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Demo:Simulator:Rooms"] = options.Rooms.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Demo:Simulator:Seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Demo:Simulator:Interval"] = options.IntervalS.ToString("R", CultureInfo.InvariantCulture),
            // The demo passes --component-interval itself (a second one in the extra arguments makes the simulator refuse to run).
            ["DigitalTwin:Demo:Simulator:ComponentInterval"] = (options.ComponentIntervalS ?? options.IntervalS).ToString("R", CultureInfo.InvariantCulture),
            ["DigitalTwin:Demo:Simulator:Truth"] = Path.Combine(folder, "truth.jsonl"),
            ["DigitalTwin:Demo:Simulator:ExtraArguments"] = extra,
            ["DigitalTwin:Mqtt:ForwardSimulationTopics"] = "true",
        };
        foreach (var (key, value) in options.SiloSettings ?? new Dictionary<string, string>()) settings[key] = value;
        var silo = await LocalSilo.StartAsync(cancellationToken, settings);
        var world = new SimulatedWorld(silo, clock, folder);
        try
        {
            await world.WaitForTopologyAsync(cancellationToken);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
        return world;
    }

    /// <summary>Waits until the simulated clock reads <paramref name="elapsedS"/> seconds past the epoch.</summary>
    public async Task WaitUntilAsync(double elapsedS, CancellationToken cancellationToken, string? what = null)
    {
        var lastSaid = DateTime.MinValue;
        while (ElapsedS < elapsedS)
        {
            if (_silo.HasExited) throw new InvalidOperationException($"the silo exited: {_silo.Tail()}");
            if (what is not null && DateTime.UtcNow - lastSaid > TimeSpan.FromSeconds(30))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"eval: {what}: simulated {ElapsedS / 3600:F2} h of {elapsedS / 3600:F2} h"));
                lastSaid = DateTime.UtcNow;
            }
            var left = TimeSpan.FromSeconds((elapsedS - ElapsedS) / Clock.Scale);
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left.Duration() + TimeSpan.FromMilliseconds(20) : TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Injects a fault in the simulator over its documented topic (<c>sim/faults</c>) on the silo's broker.</summary>
    public async Task InjectFaultAsync(string kind, string target, double? durationS, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(_silo.Broker.Address.ToString(), _silo.Broker.Port)
            .WithClientId($"dt-eval-{Environment.ProcessId}-{Guid.NewGuid():N}"[..30]).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), cancellationToken);
        var payload = JsonSerializer.Serialize(new { kind, target, durationS });
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("sim/faults").WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        if (!result.IsSuccess) throw new InvalidOperationException($"sim/faults refused: {result.ReasonCode} {result.ReasonString}");
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
    }

    /// <summary>Twin ids of a kind from the live topology.</summary>
    public async Task<IReadOnlyList<(string Id, string? ParentId)>> TwinsAsync(string kind, CancellationToken cancellationToken) =>
        (await TopologyAsync(cancellationToken))
            .Where(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .Select(e => (e.Id, e.ParentId))
            .ToList();

    /// <summary>Every twin of the live topology: id, kind (as the API writes it) and parent.</summary>
    public async Task<IReadOnlyList<(string Id, string Kind, string? ParentId)>> TopologyAsync(CancellationToken cancellationToken)
    {
        using var topology = JsonDocument.Parse(await Http.GetStringAsync("api/topology", cancellationToken));
        return Entries(topology.RootElement)
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("kind").GetString() ?? "",
                e.TryGetProperty("parentId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))
            .ToList();
    }

    private static IEnumerable<JsonElement> Entries(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
        : root.TryGetProperty("entries", out var entries) ? entries.EnumerateArray()
        : root.TryGetProperty("twins", out var twins) ? twins.EnumerateArray()
        : [];

    private async Task WaitForTopologyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_silo.HasExited) throw new InvalidOperationException($"the silo exited: {_silo.Tail()}");
            if ((await TwinsAsync("crac", cancellationToken)).Count > 0) break;
            await Task.Delay(500, cancellationToken);
        }
        if (DateTime.UtcNow >= deadline) throw new TimeoutException($"the demo did not import a topology within 3 minutes: {_silo.Tail()}");
        // The world is running once the simulator's telemetry arrives (after the epoch: it waits for it).
        deadline = DateTime.UtcNow + StartAllowance + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_silo.HasExited) throw new InvalidOperationException($"the silo exited: {_silo.Tail()}");
            using var stats = JsonDocument.Parse(await Http.GetStringAsync("api/ingestion/stats", cancellationToken));
            if (stats.RootElement.GetProperty("applied_messages").GetInt64() > 0) return;
            await Task.Delay(1000, cancellationToken);
        }
        throw new TimeoutException($"no telemetry from the simulator within 3 minutes of the epoch: {_silo.Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _silo.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
