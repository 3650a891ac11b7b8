namespace DataCentreSimulator.Running;

/// <summary>Everything a run is told on the command line (see the README for each option).</summary>
internal sealed record SimulatorSettings
{
    public string? Topology { get; init; }
    public int Servers { get; init; } = 500;
    public int Rooms { get; init; } = 2;
    public int Seed { get; init; } = 1;
    public string? WriteTopology { get; init; }
    public string Broker { get; init; } = "127.0.0.1:1883";
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string ClientId { get; init; } = "dt-simulator";
    public double IntervalS { get; init; } = 5;
    public double TimeScale { get; init; } = 1;
    public DateTimeOffset? Epoch { get; init; }
    public DateTimeOffset? ClockAnchor { get; init; }
    public string? Faults { get; init; }
    public string? FaultSchedule { get; init; }
    public double FaultDays { get; init; } = 7;
    public IReadOnlyList<string> FaultAt { get; init; } = [];
    public IReadOnlyList<string> CommandAt { get; init; } = [];
    public string? Truth { get; init; }
    public double TruthIntervalS { get; init; } = 5;
    public bool NoBroker { get; init; }
    public string? Record { get; init; }
    public double? DurationS { get; init; }
    public double SettleS { get; init; } = 3600;
    public double LoadFactor { get; init; } = 1;
    public double? ComponentIntervalS { get; init; }
    public bool StartOnInput { get; init; }
}
