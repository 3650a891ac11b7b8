namespace DigitalTwin.Persistence.Migrations;

/// <summary>The database's schema cannot be brought up to date safely (for example, an applied script was edited).</summary>
public sealed class SchemaMigrationException(string message, Exception? inner = null) : Exception(message, inner);
