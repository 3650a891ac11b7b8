namespace DigitalTwin.Persistence.Tests.Grains;

/// <summary>The test grain's state: plain get/set properties, as the twins' states are.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)] public int Value { get; set; }

    [Id(1)] public int Ticks { get; set; }

    [Id(2)] public List<string> Notes { get; set; } = [];

    [Id(3)] public double Reading { get; set; }
}
