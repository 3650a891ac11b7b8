using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>Addressing twins by key and kind.</summary>
public static class TwinGrainFactoryExtensions
{
    /// <summary>The grain of a twin of a known kind, typed by its level.</summary>
    public static ITwinGrain GetTwin(this IGrainFactory factory, TwinKey key, TwinKind kind)
    {
        var grainKey = key.ToGrainKey();
        return kind.LevelOf() switch
        {
            TwinLevel.DataCentre => factory.GetGrain<IDataCentreGrain>(grainKey),
            TwinLevel.Room => factory.GetGrain<IRoomGrain>(grainKey),
            TwinLevel.Rack => factory.GetGrain<IRackGrain>(grainKey),
            TwinLevel.Asset => factory.GetGrain<IAssetGrain>(grainKey),
            _ => factory.GetGrain<IComponentGrain>(grainKey),
        };
    }

    /// <summary>The live twin of a known kind.</summary>
    public static ITwinGrain GetTwin(this IGrainFactory factory, string twinId, TwinKind kind) =>
        factory.GetTwin(new TwinKey(twinId), kind);

    /// <summary>The telemetry target of an asset or component twin; null for kinds that take no readings.</summary>
    public static ITelemetryTarget? GetTelemetryTarget(this IGrainFactory factory, TwinKey key, TwinKind kind) =>
        kind.LevelOf() switch
        {
            TwinLevel.Asset => factory.GetGrain<IAssetGrain>(key.ToGrainKey()),
            TwinLevel.Component => factory.GetGrain<IComponentGrain>(key.ToGrainKey()),
            _ => null,
        };

    /// <summary>The live topology directory.</summary>
    public static ITopologyGrain GetLiveTopology(this IGrainFactory factory) =>
        factory.GetGrain<ITopologyGrain>(TopologyScopes.Live);
}
