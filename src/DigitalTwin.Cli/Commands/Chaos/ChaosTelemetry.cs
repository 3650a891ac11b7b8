using System.Globalization;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// The chaos run's messages, made so that what a twin holds can be read back exactly. Message <c>n</c> of a twin
/// carries <c>seq = n</c> and is stamped <see cref="Origin"/> + n minutes: each sequence number falls in a one-minute
/// history bucket of its own, so the twin's history of <c>seq</c> says, bucket by bucket, which messages it holds
/// (a bucket's count above one is a message applied twice, not two messages). It also carries a <c>power_w</c> that
/// the racks, room and data centre roll up. Stamps lie in the past, within the twins' accepted reading age.
/// </summary>
internal sealed class ChaosTelemetry(DateTimeOffset origin)
{
    /// <summary>The most messages one twin may get: one per minute of the twins' accepted reading age (a day), less a margin.</summary>
    public const int MaxSequencesPerTwin = 1_380;

    public const string SequenceMetric = "seq";
    public const string PowerMetric = "power_w";

    /// <summary>The stamp of sequence number 0.</summary>
    public DateTimeOffset Origin { get; } = origin;

    /// <summary>An origin that puts the last of <paramref name="sequencesPerTwin"/> stamps a few minutes before <paramref name="now"/>.</summary>
    public static ChaosTelemetry Before(DateTimeOffset now, int sequencesPerTwin)
    {
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        return new ChaosTelemetry(minute - TimeSpan.FromMinutes(sequencesPerTwin + 5));
    }

    public DateTimeOffset StampOf(int sequence) => Origin + TimeSpan.FromMinutes(sequence);

    /// <summary>The sequence number a history bucket starting at <paramref name="start"/> holds, or -1.</summary>
    public int SequenceAt(DateTimeOffset start)
    {
        var minutes = (start - Origin).TotalMinutes;
        return minutes >= 0 && Math.Abs(minutes - Math.Round(minutes)) < 1e-6 ? (int)Math.Round(minutes) : -1;
    }

    /// <summary>The power a twin reports with a sequence number: it varies, so a rollup that missed a reading shows it.</summary>
    public static double PowerOf(int twin, int sequence) => 100 + (twin * 7 + sequence) % 50;

    public string Payload(int twin, int sequence) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"ts\":\"{StampOf(sequence):yyyy-MM-ddTHH:mm:ssZ}\",\"readings\":{{\"{SequenceMetric}\":{sequence},\"{PowerMetric}\":{PowerOf(twin, sequence)}}}}}");
}
