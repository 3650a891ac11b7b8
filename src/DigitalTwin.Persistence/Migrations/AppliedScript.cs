namespace DigitalTwin.Persistence.Migrations;

/// <summary>A script as recorded in the database's migration history.</summary>
/// <param name="Name">The script's file name.</param>
/// <param name="Checksum">The checksum of the text that was applied.</param>
/// <param name="AppliedAt">When it was applied.</param>
public sealed record AppliedScript(string Name, string Checksum, DateTimeOffset AppliedAt);
