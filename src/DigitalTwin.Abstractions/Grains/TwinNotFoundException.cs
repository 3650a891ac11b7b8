namespace DigitalTwin.Abstractions.Grains;

/// <summary>Thrown by a twin grain that was never provisioned through the topology.</summary>
[GenerateSerializer, Alias("dt.TwinNotFoundException")]
public sealed class TwinNotFoundException : Exception
{
    /// <summary>Creates the exception for a twin id.</summary>
    public TwinNotFoundException(string twinId) : base($"Twin '{twinId}' does not exist.") => TwinId = twinId;

    /// <summary>The id that was asked for.</summary>
    [Id(0)] public string TwinId { get; }
}
