using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Serialization;

/// <summary>
/// Grain-state serializer writing plain JSON (System.Text.Json), with no CLR type names in it: a state class can
/// be renamed or moved to another namespace and still read every row written before. Used by both the SQLite and
/// the PostgreSQL storage.
/// </summary>
/// <remarks>
/// State classes must be STJ-friendly: public get/set properties and a parameterless constructor (or records
/// with a primary constructor). Unknown properties are ignored on read, and missing ones keep their defaults, so
/// adding or removing a property is a compatible change.
/// </remarks>
public sealed class TwinStateJsonSerializer : IGrainStorageSerializer
{
    /// <summary>The options every state is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        // Sensor values can be NaN or infinite (a failed probe); plain STJ would refuse to write them.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Renaming an enum member is then a visible break rather than a silent renumbering.
        Converters = { new JsonStringEnumConverter() },
        PropertyNameCaseInsensitive = true,
    };

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new JsonException($"Stored state for {typeof(T).Name} is JSON null.");
}
