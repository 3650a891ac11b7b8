namespace DigitalTwin.Ingestion.Parsing;

/// <summary>Either a parsed message or the reason it was refused; a message is accepted or refused as a whole.</summary>
public readonly struct ParseResult
{
    private ParseResult(TelemetryMessage? message, TelemetryRejection? rejection)
    {
        Message = message;
        Rejection = rejection;
    }

    /// <summary>The parsed message; null when refused.</summary>
    public TelemetryMessage? Message { get; }

    /// <summary>Why the message was refused; null when accepted.</summary>
    public TelemetryRejection? Rejection { get; }

    /// <summary>An accepted message.</summary>
    public static ParseResult Accepted(TelemetryMessage message) => new(message, null);

    /// <summary>A refused message.</summary>
    public static ParseResult Refused(string reason, string detail) => new(null, new TelemetryRejection(reason, detail));

    /// <summary>A refused message.</summary>
    public static implicit operator ParseResult(TelemetryRejection rejection) => new(null, rejection);
}
