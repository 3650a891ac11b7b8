namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>What one fuzzing client saw, counted from many tasks at once.</summary>
internal sealed class FuzzTally
{
    private long _sent, _answered, _accepted, _refused, _invalid, _disconnects, _unanswered, _overLimit;
    private readonly Dictionary<string, long> _firstProblems = new(StringComparer.Ordinal);

    public long Sent => Volatile.Read(ref _sent);
    /// <summary>Publishes that got a PUBACK.</summary>
    public long Answered => Volatile.Read(ref _answered);
    /// <summary>PUBACKs with a success code.</summary>
    public long Accepted => Volatile.Read(ref _accepted);
    /// <summary>PUBACKs with an error code.</summary>
    public long Refused => Volatile.Read(ref _refused);
    /// <summary>Answers that break MQTT 5 (a reason string with NUL or other control characters, a lone surrogate, an unknown code).</summary>
    public long InvalidPackets => Volatile.Read(ref _invalid);
    /// <summary>Connections the silo dropped when it should not have.</summary>
    public long UnexpectedDisconnects => Volatile.Read(ref _disconnects);
    /// <summary>Publishes whose fate is unknown (in flight on a connection that dropped).</summary>
    public long Unanswered => Volatile.Read(ref _unanswered);
    /// <summary>Publishes over the packet limit, refused by closing their connection.</summary>
    public long OverLimit => Volatile.Read(ref _overLimit);

    public void Sending() => Interlocked.Increment(ref _sent);
    public void Answer(bool success)
    {
        Interlocked.Increment(ref _answered);
        if (success) Interlocked.Increment(ref _accepted);
        else Interlocked.Increment(ref _refused);
    }
    public void Invalid(string what) { Interlocked.Increment(ref _invalid); Note("INVALID " + what); }
    public void Disconnected(string what) { Interlocked.Increment(ref _disconnects); Note(what); }
    public void Unanswer(string what) { Interlocked.Increment(ref _unanswered); Note(what); }
    public void OverLimitSent() => Interlocked.Increment(ref _overLimit);

    /// <summary>A few distinct problems, for the report.</summary>
    public IReadOnlyList<string> Problems()
    {
        lock (_firstProblems) return _firstProblems.Select(p => $"{p.Key} ×{p.Value}").ToList();
    }

    private void Note(string what)
    {
        lock (_firstProblems)
        {
            if (_firstProblems.ContainsKey(what) || _firstProblems.Count < 40) _firstProblems[what] = _firstProblems.GetValueOrDefault(what) + 1;
        }
    }
}
