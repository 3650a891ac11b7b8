using System.Text.Json;
using DigitalTwin.Evaluation.Faults;

namespace DigitalTwin.Evaluation.Cooling;

/// <summary>
/// The simulator's ground truth (<c>--truth</c> JSON lines) as the evaluations read it: the periodic samples of
/// cooling power and rack inlets, every limit crossing and every fault's start. Other lines are skipped. It may be
/// read while the simulator is still writing it.
/// </summary>
public sealed class SimulatorTruth
{
    private SimulatorTruth(IReadOnlyList<TruthSample> samples, IReadOnlyList<LimitCrossing> crossings, IReadOnlyList<FaultStart> faults,
        IReadOnlyList<InjectedFault> injected)
    {
        Samples = samples;
        Crossings = crossings;
        Faults = faults;
        Injected = injected;
    }

    /// <summary>Every injected fault with its start, failure instant (degradations) and end (once it ended), in order of start.</summary>
    public IReadOnlyList<InjectedFault> Injected { get; }

    /// <summary>Every fault's start (kind, target, when), in time order.</summary>
    public IReadOnlyList<FaultStart> Faults { get; }

    /// <summary>The periodic samples, in time order.</summary>
    public IReadOnlyList<TruthSample> Samples { get; }

    /// <summary>Every limit crossing, in time order.</summary>
    public IReadOnlyList<LimitCrossing> Crossings { get; }

    /// <summary>Reads a truth file; a line that is not JSON (a run cut off mid-line) ends the reading.</summary>
    public static SimulatorTruth Read(string path)
    {
        var samples = new List<TruthSample>();
        var crossings = new List<LimitCrossing>();
        var faults = new List<FaultStart>();
        var injected = new List<InjectedFault>();
        // Shared for writing: the simulator may still be appending to it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                break;
            }
            using (document)
            {
                var root = document.RootElement;
                var at = root.GetProperty("ts").GetDateTimeOffset();
                switch (root.GetProperty("type").GetString())
                {
                    case "racks":
                        samples.Add(new TruthSample(at, root.GetProperty("itPowerW").GetDouble(), root.GetProperty("coolingPowerW").GetDouble(),
                            root.GetProperty("racks").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("maxInletC").GetDouble(), StringComparer.Ordinal)));
                        break;
                    case "limit":
                        crossings.Add(new LimitCrossing(at, root.GetProperty("rack").GetString()!, root.GetProperty("level").GetString()!,
                            root.GetProperty("from").GetString()!, root.GetProperty("maxInletC").GetDouble()));
                        break;
                    case "fault_start":
                        faults.Add(new FaultStart(at, root.GetProperty("kind").GetString()!, root.GetProperty("target").GetString()!));
                        injected.Add(new InjectedFault(root.GetProperty("id").GetString() ?? "", faults[^1].Kind, faults[^1].Target, at,
                            root.TryGetProperty("failAt", out var failAt) ? failAt.GetDateTimeOffset() : null, null,
                            root.TryGetProperty("metric", out var metric) ? metric.GetString() : null));
                        break;
                    case "fault_end" when root.GetProperty("id").GetString() is { } ended:
                        var index = injected.FindLastIndex(f => f.Id == ended);
                        if (index >= 0) injected[index] = injected[index] with { End = at };
                        break;
                }
            }
        }
        return new SimulatorTruth(samples, crossings, faults, injected);
    }

    /// <summary>
    /// Cooling energy over [<paramref name="from"/>, <paramref name="to"/>), kWh: each sample's power held until the next.
    /// Throws when the truth does not cover the period.
    /// </summary>
    public double CoolingEnergyKwh(DateTimeOffset from, DateTimeOffset to) => Integrate(from, to, s => s.CoolingPowerW);

    /// <summary>IT energy over [<paramref name="from"/>, <paramref name="to"/>), kWh.</summary>
    public double ItEnergyKwh(DateTimeOffset from, DateTimeOffset to) => Integrate(from, to, s => s.ItPowerW);

    /// <summary>The highest true rack inlet sampled in [<paramref name="from"/>, <paramref name="to"/>), °C.</summary>
    public double MaxInletC(DateTimeOffset from, DateTimeOffset to) =>
        Samples.Where(s => s.At >= from && s.At < to).SelectMany(s => s.RackMaxInletC.Values).DefaultIfEmpty(double.NaN).Max();

    /// <summary>How many times a rack went above its warning limit (the inlet limit) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int Violations(DateTimeOffset from, DateTimeOffset to) =>
        Crossings.Count(c => c.At >= from && c.At < to && c.From == "ok" && c.Level != "ok");

    /// <summary>How many times a rack went above its critical limit in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int CriticalCrossings(DateTimeOffset from, DateTimeOffset to) =>
        Crossings.Count(c => c.At >= from && c.At < to && c.Level == "critical" && c.From != "critical");

    private double Integrate(DateTimeOffset from, DateTimeOffset to, Func<TruthSample, double> power)
    {
        if (Samples.Count == 0 || Samples[0].At > from || Samples[^1].At < to)
        {
            throw new InvalidOperationException($"the truth covers {(Samples.Count == 0 ? "nothing" : $"{Samples[0].At:O}..{Samples[^1].At:O}")}, not {from:O}..{to:O}");
        }
        var joules = 0.0;
        for (var k = 0; k + 1 < Samples.Count; k++)
        {
            var start = Samples[k].At < from ? from : Samples[k].At;
            var end = Samples[k + 1].At > to ? to : Samples[k + 1].At;
            if (end > start) joules += power(Samples[k]) * (end - start).TotalSeconds;
        }
        return joules / 3.6e6;
    }
}
