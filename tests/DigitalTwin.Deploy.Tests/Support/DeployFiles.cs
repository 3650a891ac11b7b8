using DigitalTwin.Testing.Processes;
using YamlDotNet.RepresentationModel;

namespace DigitalTwin.Deploy.Tests.Support;

/// <summary>The YAML files under deploy/, parsed, and what they set: configuration keys and program options.</summary>
public static class DeployFiles
{
    /// <summary>The deploy folder.</summary>
    public static string Folder => Path.Combine(RepositoryLayout.Root, "deploy");

    /// <summary>Every YAML file under deploy/, relative to it.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every document of one file.</summary>
    public static IReadOnlyList<YamlNode> Documents(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(Folder, relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    /// <summary>
    /// Every twin configuration key a document sets, colon-separated: environment variables <c>DigitalTwin__A__B</c>
    /// (as a mapping key, or a Kubernetes <c>env</c> item's name) and command-line settings <c>--DigitalTwin:A:B=v</c>.
    /// </summary>
    public static IEnumerable<string> ConfigurationKeys(YamlNode root) => Walk(root).SelectMany(node => node switch
    {
        YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!)
            .Concat(map.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode n ? [n.Value!] : [])
            .Where(k => k.StartsWith("DigitalTwin__", StringComparison.Ordinal))
            .Select(k => k.Replace("__", ":", StringComparison.Ordinal)),
        YamlScalarNode { Value: { } v } when v.StartsWith("--DigitalTwin:", StringComparison.Ordinal) => [v[2..].Split('=')[0]],
        _ => [],
    }).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Every container or compose service running one of the twin's images (<c>digitaltwin/&lt;program&gt;</c>), with the
    /// arguments it is given (<c>command</c> or <c>args</c>).
    /// </summary>
    public static IEnumerable<(string Program, IReadOnlyList<string> Arguments)> Programs(YamlNode root) =>
        Walk(root).OfType<YamlMappingNode>()
            .Where(m => m.Children.TryGetValue(new YamlScalarNode("image"), out var image) && ((YamlScalarNode)image).Value!.StartsWith("digitaltwin/", StringComparison.Ordinal))
            .Select(m =>
            {
                var image = ((YamlScalarNode)m.Children[new YamlScalarNode("image")]).Value!;
                var program = image["digitaltwin/".Length..].Split(':')[0];
                var arguments = new[] { "command", "args" }
                    .SelectMany(k => m.Children.TryGetValue(new YamlScalarNode(k), out var list) && list is YamlSequenceNode s
                        ? s.Children.OfType<YamlScalarNode>().Select(x => x.Value!) : [])
                    .ToList();
                return (program, (IReadOnlyList<string>)arguments);
            });

    private static IEnumerable<YamlNode> Walk(YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMappingNode map => map.Children.SelectMany(p => new[] { p.Key, p.Value }),
            YamlSequenceNode seq => seq.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child)) yield return descendant;
        }
    }
}
