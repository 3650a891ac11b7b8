using System.Text.Json;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// <c>dt</c> against a silo that requires sign-in: refused without a token, <c>dt login</c> saves one, <c>dt audit</c>
/// lists who did what, and <c>dt audit verify</c> names the exact entry after a row of the embedded store is edited,
/// deleted or reordered behind the silo's back.
/// </summary>
public sealed class Dt_signs_in_and_audit_verify_names_the_tampered_entry(SecuredSiloProcess secured) : IClassFixture<SecuredSiloProcess>, IDisposable
{
    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), $"dt-token-{Guid.NewGuid():N}");

    [Fact]
    public async Task Dt_login_audit_and_verify_against_a_tampered_store()
    {
        var gateway = $"127.0.0.1:{secured.Silo.Ports.Gateway}";
        var anonymous = await DtAsync(["show", "srv-sec", "--gateway", gateway]);
        Assert.Equal(5, anonymous.ExitCode);
        Assert.Contains("refused", anonymous.StandardError);

        // Two refused sign-ins: entries 2 and 3 after the import (entry 1), so entry 2 is not the last one.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var wrong = await DtAsync(["login", "--url", secured.Silo.Http.BaseAddress!.ToString(), "--user", "admin"], password: "not-it");
            Assert.Equal(5, wrong.ExitCode);
        }
        var login = await DtAsync(["login", "--url", secured.Silo.Http.BaseAddress!.ToString(), "--user", "admin"], password: secured.Security.PasswordOf(TwinRole.Admin));
        Assert.True(login.ExitCode == 0, login.StandardError);
        Assert.Contains("signed in as admin (admin)", login.StandardOutput);

        var shown = await DtAsync(["show", "srv-sec", "--gateway", gateway]);
        Assert.True(shown.ExitCode == 0, shown.StandardError);

        var listed = await DtAsync(["audit", "--json", "--gateway", gateway]);
        Assert.True(listed.ExitCode == 0, listed.StandardError);
        var entries = JsonDocument.Parse(listed.StandardOutput).RootElement.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "topology.import" && e.GetProperty("actor").GetString() == "admin");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "signin.failure" && e.GetProperty("actor").GetString() == "admin"
            && e.GetProperty("detail").GetString()!.Contains("token request") && !e.GetProperty("detail").GetString()!.Contains("not-it"));
        var byUser = await DtAsync(["audit", "--user", "admin", "--twin", "srv-sec", "--gateway", gateway]);
        Assert.True(byUser.ExitCode == 0, byUser.StandardError);

        Assert.Contains("audit chain intact", (await DtAsync(["audit", "verify", "--gateway", gateway])).StandardOutput);

        await SqlAsync("UPDATE dt_audit SET actor = 'somebody-else' WHERE seq = 2");
        await ExpectBrokenAsync(gateway, "broken at entry 2: edited");
        await SqlAsync("UPDATE dt_audit SET actor = 'admin' WHERE seq = 2");

        await SqlAsync("CREATE TABLE kept AS SELECT * FROM dt_audit WHERE seq = 2; DELETE FROM dt_audit WHERE seq = 2");
        await ExpectBrokenAsync(gateway, "broken at entry 2: deleted");
        await SqlAsync("INSERT INTO dt_audit SELECT * FROM kept; DROP TABLE kept");

        await SqlAsync("UPDATE dt_audit SET seq = -1 WHERE seq = 1; UPDATE dt_audit SET seq = 1 WHERE seq = 2; UPDATE dt_audit SET seq = 2 WHERE seq = -1");
        await ExpectBrokenAsync(gateway, "broken at entry 1: reordered");
        await SqlAsync("UPDATE dt_audit SET seq = -1 WHERE seq = 1; UPDATE dt_audit SET seq = 1 WHERE seq = 2; UPDATE dt_audit SET seq = 2 WHERE seq = -1");
        Assert.Contains("audit chain intact", (await DtAsync(["audit", "verify", "--gateway", gateway])).StandardOutput);
    }

    private async Task ExpectBrokenAsync(string gateway, string expected)
    {
        var verify = await DtAsync(["audit", "verify", "--gateway", gateway]);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(expected, verify.StandardOutput);
    }

    private Task<CliProcess.Result> DtAsync(string[] args, string? password = null)
    {
        var environment = new Dictionary<string, string> { ["DT_TOKEN_FILE"] = _tokenFile };
        if (password is not null) environment["DT_PASSWORD"] = password;
        return CliProcess.RunAsync(args, environment: environment);
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={secured.StoreFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => File.Delete(_tokenFile);
}
