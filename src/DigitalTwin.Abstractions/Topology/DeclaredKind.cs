using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// A kind a topology declares for its own domain (<c>kinds:</c>): a production line's <c>line</c>, <c>cell</c> and
/// <c>machine</c> rather than rooms, racks and servers. It takes the place of the built-in kind it is based on in the
/// hierarchy (what may contain what, how readings roll up), while its twins carry its name
/// (<see cref="TwinSpec.Type"/>) and the readings that show them wearing (<see cref="TwinSpec.Wear"/>).
/// </summary>
/// <param name="Name">The kind's name in the file; not a built-in kind's name.</param>
/// <param name="Base">The built-in kind whose place and behaviour it takes.</param>
/// <param name="Description">What it is, in words.</param>
/// <param name="Wear">The readings that show its twins wearing out.</param>
[GenerateSerializer, Immutable, Alias("dt.DeclaredKind")]
public sealed record DeclaredKind(
    [property: Id(0)] string Name,
    [property: Id(1)] TwinKind Base,
    [property: Id(2)] string? Description = null,
    [property: Id(3)] IReadOnlyList<WearSignalSpec>? Wear = null);
