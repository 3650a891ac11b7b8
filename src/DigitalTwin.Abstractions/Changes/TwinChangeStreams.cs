using DigitalTwin.Abstractions.Identity;
using Orleans.Runtime;
using Orleans.Streams;

namespace DigitalTwin.Abstractions.Changes;

/// <summary>
/// The change feeds: Orleans streams of the provider <see cref="ProviderName"/> on which live twins publish what
/// changes, so a client follows the twin without polling. Four namespaces:
/// <list type="table">
/// <item><term><see cref="Twin"/></term><description>key: a twin id; items: <see cref="TwinChange"/> of that twin alone.</description></item>
/// <item><term><see cref="Subtree"/></term><description>key: a rack, room or data-centre id; items: one <see cref="TwinChangeBatch"/> per tick of that twin with the changes of its whole subtree.</description></item>
/// <item><term><see cref="Kind"/></term><description>key: a change kind's wire name (<c>health</c>, <c>alert</c>, <c>incident</c>, <c>command</c>, <c>scenario</c>; never <c>rollup</c>); items: <see cref="TwinChange"/> of that kind from every live twin.</description></item>
/// <item><term><see cref="Scenario"/></term><description>key: a scenario id; items: <see cref="TwinChange"/> of kind <see cref="TwinChangeKind.Scenario"/> about that run.</description></item>
/// </list>
/// Shadow (what-if) twins never publish on these streams. A subscriber that starts (or reconnects) reads the
/// snapshot it needs first, then applies the changes stamped after the snapshot's <c>AsOf</c>: the feeds carry
/// changes, not state, and memory streams keep nothing across a silo restart.
/// </summary>
public static class TwinChangeStreams
{
    /// <summary>The stream provider's name, registered on silos and clients alike.</summary>
    public const string ProviderName = "TwinChanges";

    /// <summary>The grain storage memory streams keep their subscriptions in.</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>Namespace of per-twin streams (key: twin id).</summary>
    public const string Twin = "dt.twin";

    /// <summary>Namespace of per-subtree streams (key: rack, room or data-centre id).</summary>
    public const string Subtree = "dt.subtree";

    /// <summary>Namespace of per-change-kind streams (key: <see cref="KindKey"/>).</summary>
    public const string Kind = "dt.kind";

    /// <summary>Namespace of per-scenario streams (key: scenario id).</summary>
    public const string Scenario = "dt.scenario";

    /// <summary>The stream of one twin's changes.</summary>
    public static StreamId ForTwin(string twinId) => StreamId.Create(Twin, TwinIds.Require(twinId));

    /// <summary>The stream of a rack's, room's or data centre's subtree.</summary>
    public static StreamId ForSubtree(string twinId) => StreamId.Create(Subtree, TwinIds.Require(twinId));

    /// <summary>The stream of every live twin's changes of one kind (rollups have none: follow a subtree instead).</summary>
    public static StreamId ForKind(TwinChangeKind kind) => kind == TwinChangeKind.Rollup
        ? throw new ArgumentException("Rollups are published per twin and per subtree, not fleet-wide by kind.", nameof(kind))
        : StreamId.Create(Kind, KindKey(kind));

    /// <summary>The stream of one scenario run's progress.</summary>
    public static StreamId ForScenario(string scenarioId) => StreamId.Create(Scenario, TwinIds.Require(scenarioId, "scenario id"));

    /// <summary>The wire name of a change kind: lower case (<c>alert</c>).</summary>
    public static string KindKey(TwinChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>One twin's changes on <paramref name="provider"/>.</summary>
    public static IAsyncStream<TwinChange> TwinStream(this IStreamProvider provider, string twinId) =>
        provider.GetStream<TwinChange>(ForTwin(twinId));

    /// <summary>A subtree's batches on <paramref name="provider"/>.</summary>
    public static IAsyncStream<TwinChangeBatch> SubtreeStream(this IStreamProvider provider, string twinId) =>
        provider.GetStream<TwinChangeBatch>(ForSubtree(twinId));

    /// <summary>Every live twin's changes of one kind on <paramref name="provider"/>.</summary>
    public static IAsyncStream<TwinChange> KindStream(this IStreamProvider provider, TwinChangeKind kind) =>
        provider.GetStream<TwinChange>(ForKind(kind));

    /// <summary>A scenario run's progress on <paramref name="provider"/>.</summary>
    public static IAsyncStream<TwinChange> ScenarioStream(this IStreamProvider provider, string scenarioId) =>
        provider.GetStream<TwinChange>(ForScenario(scenarioId));
}
