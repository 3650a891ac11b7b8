namespace DigitalTwin.Ingestion.Tests;

/// <summary>Finds the checkout (the folder holding DigitalTwin.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No DigitalTwin.sln above {AppContext.BaseDirectory}");
    }
}
