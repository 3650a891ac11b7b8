using System.Text.Json;

namespace DigitalTwin.Evaluation.Nab;

/// <summary>Reads NAB's <c>config/thresholds.json</c>: detector, then profile, then <c>{"threshold": t, "score": s}</c>.</summary>
public static class NabThresholds
{
    /// <summary>The thresholds published for <paramref name="detectorName"/>, keyed by profile name.</summary>
    public static IReadOnlyDictionary<string, double> Load(string path, string detectorName)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"thresholds file not found: {path}", path);
        }

        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty(detectorName, out var detector))
        {
            var known = string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
            throw new InvalidDataException($"{path} has no thresholds for detector '{detectorName}' (it has: {known}).");
        }

        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var profile in detector.EnumerateObject())
        {
            if (profile.Value.ValueKind != JsonValueKind.Object
                || !profile.Value.TryGetProperty("threshold", out var threshold)
                || threshold.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException($"{path}: {detectorName}.{profile.Name} has no numeric 'threshold'.");
            }

            thresholds[profile.Name] = threshold.GetDouble();
        }

        return thresholds;
    }
}
