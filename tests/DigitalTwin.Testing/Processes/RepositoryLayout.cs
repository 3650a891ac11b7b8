namespace DigitalTwin.Testing.Processes;

/// <summary>Where things are, found from the test assembly's folder: the repository root, ../shared, built outputs.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding DigitalTwin.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the checkout (reference data); tests may read it, the product never does.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The built assembly of a project under src/, in the tests' configuration.</summary>
    public static string BuiltAssembly(string project, string? assemblyName = null) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", (assemblyName ?? project) + ".dll");

    /// <summary>A file under samples/.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No DigitalTwin.sln above {AppContext.BaseDirectory}.");
    }
}
