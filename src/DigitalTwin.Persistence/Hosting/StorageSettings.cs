using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>The <c>DigitalTwin:Storage</c> configuration section.</summary>
public sealed record StorageSettings
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "DigitalTwin:Storage";

    /// <summary>The SQLite file used when none is configured, relative to the content root.</summary>
    public const string DefaultSqlitePath = "data/digitaltwin.db";

    // 200 concurrent activations exhausted PostgreSQL's connection slots without a cap.
    private const int DefaultMaxPoolSize = 20;

    /// <summary>Which store to use.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file (Sqlite provider); relative paths are resolved against the content root.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    /// <summary>The Npgsql connection string (Postgres provider), with the pool capped.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Whether the silo brings the PostgreSQL schema up to date when it starts.</summary>
    public bool MigrateOnStart { get; init; } = true;

    /// <summary>Reads and checks the section; a bad value is reported with the setting's full name.</summary>
    public static StorageSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var provider = ParseProvider(section["Provider"]);
        var connectionString = section["ConnectionString"];
        if (provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"{Section}:Provider is Postgres but {Section}:ConnectionString is empty; give an Npgsql connection string, " +
                    "for example \"Host=db;Database=digitaltwin;Username=twin;Password=...\".");
            }

            connectionString = WithPoolCap(connectionString);
        }

        var sqlitePath = section["SqlitePath"];
        return new StorageSettings
        {
            Provider = provider,
            SqlitePath = string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath,
            ConnectionString = connectionString,
            MigrateOnStart = ParseBool(section["MigrateOnStart"], $"{Section}:MigrateOnStart", true),
        };
    }

    /// <summary>Adds <c>Maximum Pool Size=20</c> unless the connection string sets its own cap.</summary>
    public static string WithPoolCap(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{Section}:ConnectionString is not a valid Npgsql connection string: {e.Message}", e);
        }

        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    private static StorageProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.Sqlite;
        }

        return Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{Section}:Provider is '{value}'; expected one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
    }

    internal static bool ParseBool(string? value, string setting, bool fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : bool.TryParse(value.Trim(), out var parsed) ? parsed
        : throw new InvalidOperationException($"{setting} is '{value}'; expected true or false.");
}
