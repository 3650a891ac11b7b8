using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Topology;

namespace DigitalTwin.Testing.Processes;

/// <summary>
/// A slice of the demo topology for tests that need real-shaped twins but not all 4,121 of them: the data centre, its
/// rooms, CRACs and UPSs, and one rack with everything in it (its PDUs, switch, servers and their components).
/// Importing the whole demo over HTTP is one long call, which a loaded two-core machine can take past the grain-call
/// timeout; what such tests prove does not depend on the size.
/// </summary>
public static class DemoExcerpt
{
    /// <summary>The slice as topology YAML, around <paramref name="rackId"/>.</summary>
    public static string Yaml(string rackId = "rack-a01")
    {
        var parsed = TopologyFile.Load(RepositoryLayout.Sample("demo-datacentre.yaml"));
        if (parsed.Document is null || parsed.Errors.Count > 0) throw new InvalidOperationException(string.Join("; ", parsed.Errors));
        var twins = parsed.Document.Twins;
        var keep = twins.Where(t => t.Kind is TwinKind.DataCentre or TwinKind.Room or TwinKind.Crac or TwinKind.Ups).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var children = twins.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!, StringComparer.Ordinal);
        var pending = new Stack<string>([rackId]);
        while (pending.TryPop(out var id))
        {
            if (!keep.Add(id)) continue;
            foreach (var child in children[id]) pending.Push(child.Id);
        }
        return TopologyFile.ToYaml(parsed.Document with { Twins = twins.Where(t => keep.Contains(t.Id)).ToList() });
    }
}
