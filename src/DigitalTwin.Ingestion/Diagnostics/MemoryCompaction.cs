using System.Runtime;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// One full, blocking, compacting garbage collection that also compacts the large-object heap and decommits what
/// the collector holds beyond the live heap, then gives the C heap's free memory back too: afterwards the process's
/// resident memory is its live state plus the runtime, not the collector's or malloc's slack. Used when a burst is
/// over and by benchmarks that compare resident memory (a reading without it depends on when the collector last ran,
/// and can even fall below an earlier baseline).
/// </summary>
public static class MemoryCompaction
{
    /// <summary>Collects and compacts everything now; returns the managed heap before and after.</summary>
    public static MemoryCompactionResult Compact()
    {
        var before = GC.GetGCMemoryInfo();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // Finalisers of what the collection found dead run now, and what they release goes in a second collection.
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // And the C heap: finalised SQLite connections and caches freed native memory the arenas would keep.
        NativeHeapTrim.Trim();
        var after = GC.GetGCMemoryInfo();
        return new MemoryCompactionResult(before.TotalCommittedBytes, after.TotalCommittedBytes, after.HeapSizeBytes);
    }
}
