using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using Xunit;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>
/// A device publishing to its twin every <see cref="Step"/> of reading time, starting in the recent past: each call
/// sends one batch per sample, as a device would, and checks every reading was applied.
/// </summary>
public sealed class DeviceFeed(IGrainFactory grains, string twinId, TwinKind kind, DateTimeOffset start, TimeSpan? step = null)
{
    /// <summary>The time between samples.</summary>
    public TimeSpan Step { get; } = step ?? TimeSpan.FromSeconds(2);

    /// <summary>The time of the next sample.</summary>
    public DateTimeOffset Clock { get; private set; } = start;

    /// <summary>Sends one sample per value of <paramref name="metric"/>.</summary>
    public async Task Send(string metric, params double[] values)
    {
        foreach (var value in values) await Send(new Dictionary<string, double> { [metric] = value });
    }

    /// <summary>Sends the same sample of several metrics <paramref name="times"/> times.</summary>
    public async Task Send(IReadOnlyDictionary<string, double> sample, int times = 1)
    {
        var target = grains.GetTelemetryTarget(new TwinKey(twinId), kind)!;
        for (var i = 0; i < times; i++)
        {
            var readings = sample.Select(p => new Reading(p.Key, p.Value, Clock)).ToArray();
            var result = await target.IngestAsync(new TelemetryBatch(twinId, readings));
            Assert.Equal(readings.Length, result.Applied);
            Clock += Step;
        }
    }
}
