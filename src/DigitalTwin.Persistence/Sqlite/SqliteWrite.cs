namespace DigitalTwin.Persistence.Sqlite;

/// <summary>
/// One write or clear waiting for <see cref="SqliteWriteBatcher"/>: the row, the version the writer read (null for a
/// first write), the payload (null to clear), and the stored version once committed (null when the version did not
/// match: a conflict).
/// </summary>
internal sealed class SqliteWrite(string stateName, string grainId, long? expectedVersion, byte[]? payload, bool clear)
{
    public string StateName { get; } = stateName;
    public string GrainId { get; } = grainId;
    public long? ExpectedVersion { get; } = expectedVersion;
    public byte[]? Payload { get; } = payload;
    public bool Clear { get; } = clear;
    public TaskCompletionSource<long?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
