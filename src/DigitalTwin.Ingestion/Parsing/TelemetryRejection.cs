using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>Why a message was refused: a stable reason from <see cref="RejectionReasons"/> and a detail for people.</summary>
public sealed record TelemetryRejection(string Reason, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {Detail}";
}
