namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// What the chaos publishers sent, per twin and sequence number: published (a PUBLISH was sent) or acknowledged (the
/// broker answered it with a successful PUBACK). Sequence numbers run from 0 per twin, in publishing order.
/// </summary>
internal sealed class SequenceLedger(int twins, int sequencesPerTwin)
{
    private const byte Published = 1;
    private const byte Acknowledged = 2;
    private readonly byte[] _marks = new byte[checked(twins * sequencesPerTwin)];

    public int Twins => twins;
    public int SequencesPerTwin => sequencesPerTwin;

    public void MarkPublished(int twin, int sequence) => Volatile.Write(ref _marks[twin * sequencesPerTwin + sequence], Published);

    public void MarkAcknowledged(int twin, int sequence) => Volatile.Write(ref _marks[twin * sequencesPerTwin + sequence], Acknowledged);

    public bool WasPublished(int twin, int sequence) => Volatile.Read(ref _marks[twin * sequencesPerTwin + sequence]) >= Published;

    public bool WasAcknowledged(int twin, int sequence) => Volatile.Read(ref _marks[twin * sequencesPerTwin + sequence]) == Acknowledged;

    public long CountPublished() => _marks.LongCount(m => m >= Published);

    public long CountAcknowledged() => _marks.LongCount(m => m == Acknowledged);
}
