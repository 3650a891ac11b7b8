namespace DigitalTwin.Cli.Client;

/// <summary>Finds programs installed from Debian packages (mosquitto, mosquitto_pub, collectd), naming the package when one is missing.</summary>
public static class InstalledProgram
{
    private static readonly string[] SearchPath =
        [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/sbin", "/usr/local/sbin"];

    /// <summary>The full path of <paramref name="name"/>; throws naming the Debian package when it is missing.</summary>
    public static string Require(string name, string debianPackage)
    {
        foreach (var dir in SearchPath)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"'{name}' is not installed. Install it with: apt-get install {debianPackage} (tests/run-all.sh does this for the tests).");
    }
}
