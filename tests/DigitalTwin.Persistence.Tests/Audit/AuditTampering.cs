using System.Data.Common;
using DigitalTwin.Abstractions.Audit;

namespace DigitalTwin.Persistence.Tests.Audit;

/// <summary>
/// What someone with write access to the store might do to the audit table behind the silo's back, done with plain
/// SQL on a connection of the test's own, and what verification must then say.
/// </summary>
internal static class AuditTampering
{
    /// <summary>Appends <paramref name="count"/> entries of two actors about two twins.</summary>
    public static async Task FillAsync(IAuditLog log, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(new AuditEntry(i % 2 == 0 ? AuditActions.CommandSend : AuditActions.TopologyAdd,
                i % 3 == 0 ? "alice" : "bob", i % 2 == 0 ? "crac-a1" : "rack-a01", $"step {i}"));
        }
    }

    /// <summary>Edits, deletes and reorders rows in turn, checking what verification names, and restores the table after each.</summary>
    public static async Task TamperEachWayAndExpectTheExactEntryAsync(IAuditLog log, Func<Task<DbConnection>> open)
    {
        await FillAsync(log, 8);
        Assert.True((await log.VerifyAsync()).Valid);

        await ExecuteAsync(open, "UPDATE dt_audit SET detail = 'step 4 (nothing happened)' WHERE seq = 4");
        await ExpectAsync(log, 4, "edited");
        await ExecuteAsync(open, "UPDATE dt_audit SET detail = 'step 4' WHERE seq = 4");
        Assert.True((await log.VerifyAsync()).Valid);

        var removed = await SnapshotRowAsync(open, 6);
        await ExecuteAsync(open, "DELETE FROM dt_audit WHERE seq = 6");
        await ExpectAsync(log, 6, "deleted");
        await ExecuteAsync(open, $"INSERT INTO dt_audit (seq, time_ms, actor, action, twin_id, detail, prev_hash, hash) VALUES ({removed})");
        Assert.True((await log.VerifyAsync()).Valid);

        // Swap entries 2 and 3 (through a free number, so the primary key is never violated).
        await ExecuteAsync(open, "UPDATE dt_audit SET seq = -1 WHERE seq = 2");
        await ExecuteAsync(open, "UPDATE dt_audit SET seq = 2 WHERE seq = 3");
        await ExecuteAsync(open, "UPDATE dt_audit SET seq = 3 WHERE seq = -1");
        await ExpectAsync(log, 2, "reordered");
    }

    /// <summary>Appends from many callers at once; the chain must stay one valid chain with no gaps.</summary>
    public static async Task ConcurrentAppendsStayOneChainAsync(IReadOnlyList<IAuditLog> writers, int perCaller)
    {
        var callers = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++) await writers[c % writers.Count].AppendAsync(new AuditEntry(AuditActions.CommandSend, $"caller-{c}", "crac-a1", $"{i}"));
        }));
        await Task.WhenAll(callers);

        var verification = await writers[0].VerifyAsync();
        Assert.True(verification.Valid, verification.Detail);
        Assert.Equal(16 * perCaller, verification.Entries);
        Assert.Equal(16 * perCaller, verification.HeadSequence);
        var listed = await writers[^1].ReadAsync(new AuditQuery(Actor: "caller-5", Limit: AuditQuery.MaxLimit));
        Assert.Equal(perCaller, listed.Count);
    }

    private static async Task ExpectAsync(IAuditLog log, long sequence, string problem)
    {
        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(sequence, verification.FirstBadSequence);
        Assert.Equal(problem, verification.Problem);
    }

    private static async Task<string> SnapshotRowAsync(Func<Task<DbConnection>> open, long sequence)
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT seq, time_ms, actor, action, twin_id, detail, prev_hash, hash FROM dt_audit WHERE seq = {sequence}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        static string Text(object value) => value is DBNull ? "NULL" : value is string s ? $"'{s.Replace("'", "''")}'" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        return string.Join(", ", Enumerable.Range(0, 8).Select(i => Text(reader.GetValue(i))));
    }

    private static async Task ExecuteAsync(Func<Task<DbConnection>> open, string sql)
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
