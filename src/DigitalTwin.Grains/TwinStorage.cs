namespace DigitalTwin.Grains;

/// <summary>The grain storage the twins persist to. Every grain class uses its own state name in it.</summary>
public static class TwinStorage
{
    /// <summary>The name of the grain storage provider the host must register.</summary>
    public const string Name = "twins";
}
