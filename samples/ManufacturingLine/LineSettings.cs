namespace ManufacturingLine;

/// <summary>What one run of the line does (options in samples/README.md).</summary>
internal sealed record LineSettings(
    Uri Silo,
    string BrokerHost,
    int BrokerPort,
    string? Username,
    string? Password,
    string? Token,
    string Topology,
    double HistoryHours,
    double IntervalS,
    double DurationS,
    int Seed);
