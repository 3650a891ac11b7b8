namespace DigitalTwin.Grains.Capacity;

/// <summary>What a data centre's capacity grain persists: IT power samples per rack and room id, oldest first.</summary>
[GenerateSerializer]
public sealed class CapacityState
{
    /// <summary>Samples per rack or room id, oldest first (bounded).</summary>
    [Id(0)] public Dictionary<string, List<PowerSample>> Samples { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the last sample was taken (twin time).</summary>
    [Id(1)] public DateTimeOffset? LastSampleAt { get; set; }
}
