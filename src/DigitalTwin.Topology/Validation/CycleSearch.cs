namespace DigitalTwin.Topology.Validation;

/// <summary>
/// Finds the loops that following parents would run into after the upsert, each once. Walks every chain once
/// (three-colour marking), so the cost is linear in the number of twins visited; existing entries are walked too,
/// because an update that moves a twin under its own descendant closes a loop through the existing graph.
/// </summary>
internal static class CycleSearch
{
    /// <summary>Each loop's members in child-to-parent order, starting with the member that comes first in the document.</summary>
    public static List<List<string>> Find(MergedGraph graph)
    {
        var cycles = new List<List<string>>();
        var onWalk = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var walk = new List<string>();
        foreach (var start in graph.Incoming)
        {
            walk.Clear();
            var current = start.Id;
            while (current is not null && !done.Contains(current) && !onWalk.Contains(current) && graph.TryResolve(current, out _))
            {
                onWalk.Add(current);
                walk.Add(current);
                current = graph.ParentOf(current);
            }
            if (current is not null && onWalk.Contains(current))
            {
                cycles.Add(StartAtFirstInDocument(walk[walk.IndexOf(current)..], graph));
            }
            foreach (var id in walk) done.Add(id);
            onWalk.Clear();
        }
        return cycles;
    }

    private static List<string> StartAtFirstInDocument(List<string> members, MergedGraph graph)
    {
        var head = 0;
        var best = int.MaxValue;
        for (var i = 0; i < members.Count; i++)
        {
            var order = graph.IncomingById(members[i])?.Order ?? int.MaxValue;
            if (order < best)
            {
                best = order;
                head = i;
            }
        }
        return [.. members[head..], .. members[..head]];
    }
}
