using DigitalTwin.Persistence.Audit;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Persistence.Tests.Audit;

/// <summary>The embedded store's audit table: tampering is found at the exact entry; concurrent appends stay one chain.</summary>
public sealed class Audit_chain_names_the_tampered_entry_on_SQLite : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dt-audit-").FullName;

    private string File => Path.Combine(_folder, "digitaltwin.db");

    [Fact]
    public async Task An_edited_a_deleted_and_a_reordered_entry_are_each_named_exactly()
    {
        await AuditTampering.TamperEachWayAndExpectTheExactEntryAsync(SqlAuditLog.ForSqlite(File), async () =>
        {
            var connection = new SqliteConnection($"Data Source={File}");
            await connection.OpenAsync();
            return connection;
        });
    }

    [Fact]
    public async Task Appends_from_many_callers_form_one_valid_chain()
    {
        await AuditTampering.ConcurrentAppendsStayOneChainAsync([SqlAuditLog.ForSqlite(File)], perCaller: 25);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
