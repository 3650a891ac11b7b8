namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>What a <see cref="MemoryCompaction.Compact"/> changed.</summary>
/// <param name="CommittedBeforeBytes">Memory the garbage collector had committed before.</param>
/// <param name="CommittedAfterBytes">Memory it holds committed afterwards.</param>
/// <param name="HeapAfterBytes">The managed heap afterwards: what is live.</param>
public sealed record MemoryCompactionResult(long CommittedBeforeBytes, long CommittedAfterBytes, long HeapAfterBytes);
