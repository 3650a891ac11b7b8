namespace DigitalTwin.Cli.Evaluation;

/// <summary>What an evaluation's simulated world is: a generated data centre, its workload and the shared clock.</summary>
/// <param name="Servers">Servers of the generated data centre.</param>
/// <param name="Rooms">Its rooms.</param>
/// <param name="Seed">Seed of layout, workload, noise and random faults.</param>
/// <param name="TimeScale">Simulated seconds per real second, for the silo and the simulator alike.</param>
/// <param name="IntervalS">Simulated seconds between telemetry batches.</param>
/// <param name="Load">Factor on every server's utilisation (1: as generated).</param>
/// <param name="SimulatorArguments">More simulator options (fault schedules), verbatim.</param>
/// <param name="ComponentIntervalS">Simulated seconds between component readings (default: <paramref name="IntervalS"/>).</param>
/// <param name="SiloSettings">More silo configuration (keys and values), e.g. twin cadences suited to an accelerated clock.</param>
/// <param name="Epoch">The simulated instant the world starts at (null: now). The workload follows the time of day and
/// week, so a fixed epoch makes an evaluation give the same figures whenever it is run.</param>
internal sealed record WorldOptions(
    int Servers = 240,
    int Rooms = 2,
    int Seed = 1,
    double TimeScale = 30,
    double IntervalS = 10,
    double Load = 1,
    string? SimulatorArguments = null,
    double? ComponentIntervalS = null,
    IReadOnlyDictionary<string, string>? SiloSettings = null,
    DateTimeOffset? Epoch = null);
