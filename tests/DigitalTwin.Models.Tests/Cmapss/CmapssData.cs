namespace DigitalTwin.Models.Tests.Cmapss;

/// <summary>Finds the C-MAPSS files in ../shared/data/cmapss beside the checkout.</summary>
internal static class CmapssData
{
    public static string TrainPath => Path.Combine(Folder, "train_FD001.txt");

    public static string TestPath => Path.Combine(Folder, "test_FD001.txt");

    private static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln")))
                {
                    var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "cmapss"));
                    if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"C-MAPSS data expected at {folder}.");
                    return folder;
                }
            }
            throw new DirectoryNotFoundException("No DigitalTwin.sln above the test binaries.");
        }
    }
}
