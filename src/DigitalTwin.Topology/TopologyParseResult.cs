using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology.Reading;

namespace DigitalTwin.Topology;

/// <summary>
/// What <see cref="TopologyFile.Parse"/> read. <see cref="Document"/> holds every element that could be read, even
/// when others could not; it is null only when the text could not be read as a topology at all. Callers must refuse
/// to apply a document when <see cref="Errors"/> is not empty.
/// </summary>
/// <param name="Document">The readable elements, or null when the document could not be read at all.</param>
/// <param name="Errors">One entry per problem found while reading; empty when the whole file was read.</param>
public sealed record TopologyParseResult(TopologyDocument? Document, IReadOnlyList<TopologyError> Errors)
{
    /// <summary>Whether the whole file was read without a problem (it may still fail validation).</summary>
    public bool IsComplete => Document is not null && Errors.Count == 0;

    /// <summary>
    /// What the reader saw but could not put in <see cref="Document"/> (elements of unknown kind, unreadable rated
    /// values), so that validating the rest does not report their consequences as further problems.
    /// </summary>
    internal ReadGaps Gaps { get; init; } = ReadGaps.None;
}
