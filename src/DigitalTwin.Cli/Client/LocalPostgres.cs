using System.Diagnostics;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// A private PostgreSQL cluster for one test run or one evaluation (<c>dt chaos</c>): initdb into a temporary folder, pg_ctl on a free loopback port,
/// the unix socket inside that folder, trust authentication for user <c>postgres</c>. Run as root (CI), the
/// binaries run as the <c>postgres</c> user through runuser, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgres
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private LocalPostgres(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A superuser connection string to the <c>postgres</c> database.</summary>
    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=20;Timeout=30;Command Timeout=60";

    /// <summary>Creates and starts a cluster; fails with instructions when the binaries are missing.</summary>
    public static LocalPostgres Start()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.IsPrivilegedProcess;
        SweepAbandoned(bin, asPostgresUser);
        var folder = asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", "mktemp", "-d", Path.Combine(TempRoot, FolderPrefix + "XXXXXX")]).Trim()
            : Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var cluster = new LocalPostgres(bin, folder, asPostgresUser, 0);
        cluster.Pg("initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");

        // A port is free when chosen but another process may take it before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var started = new LocalPostgres(bin, folder, asPostgresUser, LoopbackPorts.Next());
            try
            {
                started.StartServer();
                return started;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    public void Stop()
    {
        StopAndDelete();
    }

    /// <summary>Stops the server (fast shutdown: clients are disconnected) and keeps its data, for <see cref="Restart"/>.</summary>
    public void Pause() => Pg("pg_ctl", "stop", "-D", DataFolder, "-m", "fast", "-w", "-t", "30");

    /// <summary>Starts a paused server again on the same port with the same data.</summary>
    public void Restart() => StartServer();

    private void StartServer() =>
        Pg("pg_ctl", "start", "-w", "-t", "60", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"),
            "-o", string.Join(' ',
                $"-p {Port}", $"-k {_folder}", "-c listen_addresses=127.0.0.1",
                // Durability is not under test here; speed is welcome on a loaded CI machine.
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
                // A non-UTC server zone catches any timestamp column that is not timestamptz.
                "-c timezone=America/New_York", "-c max_connections=300"));

    /// <summary>
    /// Removes clusters left behind by test processes that are gone (a test host may be killed before its exit
    /// handlers finish): stops their server if it still runs and deletes their folder.
    /// </summary>
    private static void SweepAbandoned(string bin, bool asPostgresUser)
    {
        foreach (var folder in Directory.EnumerateDirectories(TempRoot, FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            var abandoned = File.Exists(owner)
                ? int.TryParse(File.ReadAllText(owner), out var pid) && !IsAlive(pid)
                : Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
            if (abandoned)
            {
                new LocalPostgres(bin, folder, asPostgresUser, 0).StopAndDelete();
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void StopAndDelete()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                Pg("pg_ctl", "stop", "-D", DataFolder, "-m", "immediate", "-w", "-t", "30");
            }
        }
        catch (InvalidOperationException)
        {
            // Already down: removing the folder is all that is left to do.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private const string FolderPrefix = "dt-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly string TempRoot = Path.GetTempPath();

    private string DataFolder => Path.Combine(_folder, "data");

    private void Pg(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("DIGITALTWIN_PG_BIN");
        string[] candidates = configured is { Length: > 0 }
            ? [configured]
            : ["/usr/lib/postgresql/15/bin", .. Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []];
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "initdb")) && File.Exists(Path.Combine(c, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found in " + string.Join(", ", candidates) +
                ". Install PostgreSQL 15 (apt-get install postgresql-15), point DIGITALTWIN_PG_BIN at its bin folder, " +
                "or give a connection string of a server where databases may be created (DIGITALTWIN_TEST_POSTGRES for the tests, --postgres for dt).");
    }

    private static string Run(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return stdout.Result;
    }
}
