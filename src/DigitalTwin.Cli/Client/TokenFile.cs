namespace DigitalTwin.Cli.Client;

/// <summary>
/// Where <c>dt login</c> keeps the access token: <c>$DT_TOKEN_FILE</c>, else <c>~/.config/digitaltwin/token</c>,
/// readable by its owner only. <c>$DT_TOKEN</c> overrides the file.
/// </summary>
internal static class TokenFile
{
    public static string Path => Environment.GetEnvironmentVariable("DT_TOKEN_FILE") is { Length: > 0 } file ? file
        : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "digitaltwin", "token");

    /// <summary>The token to present: $DT_TOKEN, else the saved one, else none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("DT_TOKEN") is { Length: > 0 } token) return token.Trim();
        return File.Exists(Path) ? File.ReadAllText(Path).Trim() : null;
    }

    public static void Save(string token)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        // Created empty and private first, so the token is never readable by others, even for a moment.
        using (File.Create(Path)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path, token);
    }
}
