using DigitalTwin.Grains.History;
using DigitalTwin.Grains.Twins;
using Orleans.Configuration;

namespace DigitalTwin.Grains.Hosting;

/// <summary>
/// When idle twins leave memory: <see cref="TwinOptions.IdleDeactivateAfter"/> becomes Orleans' collection age of
/// every twin class and of the history grains (other grains keep Orleans' default). The collector looks for idle
/// activations once per quantum, so the quantum shrinks with a short age: a twin leaves between one and about one
/// and a quarter ages after its last call.
/// </summary>
public static class TwinCollection
{
    private static readonly Type[] Classes =
    [
        typeof(DataCentreGrain), typeof(RoomGrain), typeof(RackGrain), typeof(AssetGrain), typeof(ComponentGrain), typeof(MetricHistoryGrain),
    ];

    /// <summary>Sets the collection age of the twin and history classes, and a quantum that fits it.</summary>
    public static void Apply(GrainCollectionOptions collection, TwinOptions twins)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(twins);
        var age = twins.IdleDeactivateAfter > TimeSpan.FromSeconds(2) ? twins.IdleDeactivateAfter : TimeSpan.FromSeconds(2);
        foreach (var type in Classes) collection.ClassSpecificCollectionAge[type.FullName!] = age;
        var quantum = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, age.Ticks / 4));
        if (quantum < collection.CollectionQuantum) collection.CollectionQuantum = quantum;
    }
}
