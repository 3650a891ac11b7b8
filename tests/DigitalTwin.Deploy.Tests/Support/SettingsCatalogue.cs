using System.Collections;
using System.Reflection;

namespace DigitalTwin.Deploy.Tests.Support;

/// <summary>
/// The configuration the code reads: every settings class of the twin's assemblies that names its section in a public
/// constant (<c>Section</c> or <c>SectionName</c>), walked property by property the way the configuration binder
/// walks it (names without case, any key in a dictionary, an index in a list).
/// </summary>
public static class SettingsCatalogue
{
    private static readonly string[] Assemblies = ["DigitalTwin.Silo", "DigitalTwin.Grains", "DigitalTwin.Ingestion", "DigitalTwin.Persistence"];

    /// <summary>Section path → settings class.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = Find();

    /// <summary>Null when <paramref name="key"/> (colon-separated) is read by the code; otherwise why not.</summary>
    public static string? Problem(string key)
    {
        var section = Sections.Keys
            .Where(s => key.Equals(s, StringComparison.OrdinalIgnoreCase) || key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Length);
        if (section is null) return $"{key}: no settings class reads a section it belongs to (known: {string.Join(", ", Sections.Keys.Order())})";
        var type = Sections[section];
        foreach (var segment in key[section.Length..].Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (Dictionary(type) is { } valueType)
            {
                type = valueType;
            }
            else if (Element(type) is { } elementType)
            {
                if (!int.TryParse(segment, out _)) return $"{key}: '{segment}' is not an index of a list";
                type = elementType;
            }
            else if (type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                type = property.PropertyType;
            }
            else
            {
                return $"{key}: {type.Name} has no setting '{segment}'";
            }
        }
        return null;
    }

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
                || i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ?.GetGenericArguments()[1];

    private static Type? Element(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    private static Dictionary<string, Type> Find()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in Assemblies.Select(Assembly.Load))
        {
            foreach (var type in assembly.GetTypes())
            {
                var constant = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
                    ?? type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
                if (constant is { IsLiteral: true } && constant.GetRawConstantValue() is string name && name.StartsWith("DigitalTwin:", StringComparison.Ordinal))
                {
                    sections[name] = type;
                }
            }
        }
        return sections;
    }
}
