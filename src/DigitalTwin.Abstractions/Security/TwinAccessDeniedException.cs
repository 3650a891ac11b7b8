namespace DigitalTwin.Abstractions.Security;

/// <summary>
/// Thrown to an Orleans client whose call was refused: no access token, a token that is expired, forged or for
/// another cluster, or a role below what the method needs. The message says which.
/// </summary>
[GenerateSerializer, Alias("dt.TwinAccessDeniedException")]
public sealed class TwinAccessDeniedException : Exception
{
    /// <summary>Creates the exception with the reason the caller is told.</summary>
    public TwinAccessDeniedException(string reason) : base(reason) => Reason = reason;

    /// <summary>Why the call was refused.</summary>
    [Id(0)] public string Reason { get; }
}
