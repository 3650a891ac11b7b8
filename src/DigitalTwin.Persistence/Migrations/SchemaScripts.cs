using System.Reflection;

namespace DigitalTwin.Persistence.Migrations;

/// <summary>The schema scripts this build ships (deploy/postgresql/*.sql, embedded at build time).</summary>
public static class SchemaScripts
{
    private const string ResourcePrefix = "DigitalTwin.Persistence.Sql.";

    /// <summary>The embedded scripts in the order they must be applied.</summary>
    public static IReadOnlyList<SchemaScript> Embedded()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SchemaScript(n[ResourcePrefix.Length..], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
