using System.Diagnostics;
using DigitalTwin.Testing.Postgres;

namespace DigitalTwin.Persistence.Tests.Migrations;

/// <summary>The operator's entry point: <c>dt db migrate --connection ...</c>, run as a real process.</summary>
public sealed class Dt_db_migrate_command(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Applies_every_script_then_reports_up_to_date()
    {
        var first = await DtAsync("db", "migrate", "--connection", database.ConnectionString);
        var second = await DtAsync("db", "migrate", "--connection", database.ConnectionString);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("applied 001_membership.sql", first.Output);
        Assert.Contains("applied 004_queries.sql", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output);
        Assert.DoesNotContain("applied 0", second.Output);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_without_the_password()
    {
        var result = await DtAsync("db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Database=nowhere;Username=twin;Password=s3cret;Timeout=3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot connect to PostgreSQL", result.Error);
        Assert.Contains("database nowhere", result.Error);
        Assert.DoesNotContain("s3cret", result.Error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> DtAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dt.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
