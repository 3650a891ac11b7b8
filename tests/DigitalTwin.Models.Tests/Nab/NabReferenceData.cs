namespace DigitalTwin.Models.Tests.Nab;

/// <summary>Finds the NAB copy kept beside the checkout (<c>../shared/data/nab</c>); the product never reads it.</summary>
internal static class NabReferenceData
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DigitalTwin.sln")))
            {
                folder = folder.Parent;
            }

            if (folder?.Parent is null)
            {
                throw new InvalidOperationException($"DigitalTwin.sln not found above {AppContext.BaseDirectory}.");
            }

            var root = Path.Combine(folder.Parent.FullName, "shared", "data", "nab");
            return Directory.Exists(root)
                ? root
                : throw new InvalidOperationException($"NAB reference data not found at {root}.");
        }
    }
}
