using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Topology;

namespace DigitalTwin.Cli.Commands.Scale;

/// <summary>
/// The generated fleet <c>dt bench scale</c> imports: the generator's regular data centre (racks of twenty servers,
/// each server with its nine components, about 204 twins a rack) sized to the requested count, cut to exactly that
/// many twins. The generator lists every twin after its parent and after the twins it refers to (feeds, cooling
/// units), so any prefix is a valid topology and the list can be imported in order, chunk by chunk.
/// </summary>
internal sealed class ScaleTopology
{
    private const int ServersPerRack = 20;
    private const int MaxRacksPerRoom = 500;

    private ScaleTopology(IReadOnlyList<TwinSpec> twins) => Twins = twins;

    /// <summary>Every twin, parents first.</summary>
    public IReadOnlyList<TwinSpec> Twins { get; }

    /// <summary>A fleet of exactly <paramref name="count"/> twins (at least one).</summary>
    public static ScaleTopology Generate(int count)
    {
        count = Math.Max(1, count);
        var perRack = TopologyGenerator.CountTwins(1, 1, ServersPerRack, withComponents: true) - TopologyGenerator.CountTwins(1, 0, ServersPerRack, withComponents: true);
        var racks = Math.Max(1, (count + perRack - 1) / perRack);
        var rooms = (racks + MaxRacksPerRoom - 1) / MaxRacksPerRoom;
        var racksPerRoom = (racks + rooms - 1) / rooms;
        var document = TopologyGenerator.Generate(rooms, racksPerRoom, ServersPerRack, withComponents: true);
        return new ScaleTopology(document.Twins.Count > count ? [.. document.Twins.Take(count)] : document.Twins);
    }

    /// <summary>The twins in documents of at most <paramref name="size"/>, in import order.</summary>
    public IEnumerable<TopologyDocument> Chunks(int size) =>
        Twins.Chunk(Math.Max(1, size)).Select(chunk => new TopologyDocument(chunk));

    /// <summary>
    /// Up to <paramref name="count"/> twins spread evenly over the list (so every kind and level is represented in
    /// proportion), skipping <paramref name="offset"/> places so that two samples do not coincide.
    /// </summary>
    public IReadOnlyList<TwinSpec> Spread(int count, int offset = 0)
    {
        count = Math.Min(count, Twins.Count);
        if (count <= 0) return [];
        var step = (double)Twins.Count / count;
        return [.. Enumerable.Range(0, count).Select(i => Twins[(int)((i * step + offset) % Twins.Count)]).Distinct()];
    }

    /// <summary>Whether <paramref name="kind"/> takes readings (assets and components do; containers do not).</summary>
    public static bool TakesReadings(TwinKind kind) => kind.LevelOf() is TwinLevel.Asset or TwinLevel.Component;
}
