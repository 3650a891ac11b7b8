namespace DigitalTwin.Persistence.Hosting;

/// <summary>Where a silo keeps grain state, membership and reminders.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file; single silo, localhost clustering, in-memory reminders. The default.</summary>
    Sqlite,

    /// <summary>PostgreSQL through the Orleans ADO.NET providers: state, membership and reminders shared by every silo.</summary>
    Postgres,

    /// <summary>Nothing durable: for tests and throw-away demos.</summary>
    Memory,
}
