using System.Diagnostics;

namespace DataCentreSimulator.Running;

/// <summary>
/// Ends the run when the process that started it (a silo running the demo, an evaluation) is gone, so a parent
/// killed without warning never leaves a simulator publishing into the void.
/// </summary>
internal static class ParentWatch
{
    /// <summary>A token cancelled when <paramref name="parentPid"/> exits (checked every second), or when <paramref name="outer"/> is.</summary>
    public static CancellationTokenSource Link(int? parentPid, CancellationToken outer)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (parentPid is not { } pid) return linked;
        _ = Task.Run(async () =>
        {
            while (!linked.IsCancellationRequested)
            {
                if (!IsAlive(pid))
                {
                    Console.WriteLine($"simulator: parent process {pid} is gone; stopping");
                    await linked.CancelAsync();
                    return;
                }
                try { await Task.Delay(TimeSpan.FromSeconds(1), linked.Token); }
                catch (OperationCanceledException) { return; }
            }
        });
        return linked;
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
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
