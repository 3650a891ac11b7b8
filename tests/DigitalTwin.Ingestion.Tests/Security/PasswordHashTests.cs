using DigitalTwin.Testing.Processes;
using System.Diagnostics;
using DigitalTwin.Ingestion.Security;

namespace DigitalTwin.Ingestion.Tests.Security;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_created_hash_verifies_its_password_only()
    {
        var hash = PasswordHash.Create("s3cret", iterations: 10_000);

        Assert.StartsWith("pbkdf2-sha256$10000$", hash);
        Assert.True(PasswordHash.Verify("s3cret", hash));
        Assert.False(PasswordHash.Verify("s3cret ", hash));
        Assert.NotEqual(hash, PasswordHash.Create("s3cret", iterations: 10_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cret")]
    [InlineData("sha256$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$10$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$10000$not base64$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$10000$c2FsdHNhbHQ=")]
    public void Malformed_hashes_never_verify(string hash)
    {
        Assert.False(PasswordHash.IsWellFormed(hash));
        Assert.False(PasswordHash.Verify("s3cret", hash));
    }

    [Fact]
    public void The_documented_python_one_liner_makes_a_hash_the_broker_accepts()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", "DigitalTwin.Ingestion", "README.md"));
        var line = readme.Split('\n').Single(l => l.StartsWith("python3 -c", StringComparison.Ordinal));
        var start = new ProcessStartInfo("bash", ["-c", line.Replace("'device-password'", "'p@ss word'", StringComparison.Ordinal)])
        {
            RedirectStandardOutput = true,
        };
        using var python = Process.Start(start)!;
        var hash = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();

        Assert.True(PasswordHash.Verify("p@ss word", hash), $"python produced '{hash}'");
        Assert.False(PasswordHash.Verify("device-password", hash));
    }
}
