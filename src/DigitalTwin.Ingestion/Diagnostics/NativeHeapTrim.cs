using System.Runtime.InteropServices;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// Gives the C library's free heap memory back to the operating system (glibc's <c>malloc_trim</c>). Native code in the
/// silo (SQLite's page caches, above all) allocates from malloc arenas that keep freed memory for reuse: after a burst
/// of storage reads the arenas held ~20 MB nobody used. Linux with glibc only; elsewhere (or with musl) it does nothing.
/// </summary>
internal static class NativeHeapTrim
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Trims the C heap; false when the C library has no such call.</summary>
    public static bool Trim()
    {
        if (_unavailable) return false;
        try
        {
            return NativeMethods.malloc_trim(0) != 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int malloc_trim(nuint pad);
    }
}
