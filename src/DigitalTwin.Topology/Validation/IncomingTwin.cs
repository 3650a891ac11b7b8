using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// One element of the document being validated. <see cref="Spec"/> and <see cref="Kind"/> are null for an element
/// the reader could not read (its problem is already reported); it still counts as existing, with its parent, so its
/// children are not reported as orphans.
/// </summary>
internal sealed record IncomingTwin(int Order, string Id, TwinKind? Kind, string? ParentId, TwinSpec? Spec);
