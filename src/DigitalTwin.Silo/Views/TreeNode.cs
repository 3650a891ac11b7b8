using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Silo.Views;

/// <summary>One twin as the topology tree draws it: name, health and how many children it can be opened into.</summary>
public sealed record TreeNode(
    string Id,
    TwinKind Kind,
    string? Name,
    HealthStatus Health,
    string? HealthReason,
    int OpenAlerts,
    int ChildCount);
