using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>Reads epoch timestamps and checks any timestamp against the configured clock skew and age.</summary>
public static class TimestampRules
{
    // Epoch values above this are taken as milliseconds: 10^11 seconds is the year 5138, 10^11 ms is 1973.
    private const double MillisecondsThreshold = 1e11;
    private const double MaxEpochSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>
    /// Converts an epoch number (seconds, fractional allowed; or milliseconds when larger than 10^11) to an instant.
    /// </summary>
    public static TelemetryRejection? FromEpoch(double epoch, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!double.IsFinite(epoch)) return new(RejectionReasons.NotFinite, "timestamp is not a finite number");
        var seconds = Math.Abs(epoch) >= MillisecondsThreshold ? epoch / 1000 : epoch;
        if (seconds < 0) return new(RejectionReasons.StaleTimestamp, $"timestamp {epoch} lies before 1970");
        if (seconds > MaxEpochSeconds) return new(RejectionReasons.FutureTimestamp, $"timestamp {epoch} lies beyond the year 9999");
        timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return null;
    }

    /// <summary>Refuses timestamps further ahead than the allowed skew or older than the allowed age.</summary>
    public static TelemetryRejection? CheckWindow(DateTimeOffset timestamp, DateTimeOffset now, IngestionLimits limits)
    {
        if (timestamp > now + limits.MaxFutureSkew)
        {
            return new(RejectionReasons.FutureTimestamp, $"timestamp {timestamp:O} is more than {limits.MaxFutureSkew} ahead of the silo's clock");
        }
        if (timestamp < now - limits.MaxAge)
        {
            return new(RejectionReasons.StaleTimestamp, $"timestamp {timestamp:O} is older than {limits.MaxAge}");
        }
        return null;
    }
}
