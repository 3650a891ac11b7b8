using System.Globalization;

namespace DigitalTwin.Cli.Client;

/// <summary>Memory of another process as the kernel counts it (Linux <c>/proc/&lt;pid&gt;/status</c>).</summary>
internal static class ProcessMemory
{
    /// <summary>The resident set size (VmRSS) of process <paramref name="pid"/> in bytes; 0 when it cannot be read.</summary>
    public static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var number = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
