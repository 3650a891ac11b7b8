namespace DigitalTwin.Cli.Client;

/// <summary>Programs built in the same checkout as this <c>dt</c> (the silo, the data-centre simulator), found from where dt runs.</summary>
internal static class CheckoutBuild
{
    /// <summary>
    /// The path of <paramref name="assembly"/> built from the project folder <paramref name="project"/> (relative to the
    /// checkout), in the same configuration as this dt if it is built, else the other.
    /// </summary>
    public static string Find(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln"))) continue;
            foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
            {
                var dll = Path.Combine(dir.FullName, project, "bin", candidate, "net10.0", assembly);
                if (File.Exists(dll)) return dll;
            }
            throw new FileNotFoundException($"no built {assembly} under {Path.Combine(dir.FullName, project)}/bin; run dotnet build {project} -c Release first");
        }
        throw new FileNotFoundException($"dt is not inside a DigitalTwin checkout, so {assembly} cannot be found");
    }
}
