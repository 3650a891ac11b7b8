using System.Text.Json;
using DataCentreSimulator.Faults;
using DataCentreSimulator.Physics;

namespace DataCentreSimulator.Truth;

/// <summary>
/// The ground truth of a run, one JSON object per line (format in the simulator's README): faults with their
/// simulated start, failure and end; commands; every few simulated seconds the true maximum inlet of each rack with
/// IT and cooling power; and each crossing of a rack's inlet limits. Evaluations score the twin against it.
/// </summary>
internal sealed class TruthLog : IDisposable
{
    private readonly Utf8JsonWriter? _json;
    private readonly Stream? _stream;
    private readonly Dictionary<string, string> _rackLevels = new(StringComparer.Ordinal);

    public TruthLog(string? path)
    {
        if (path is null) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_stream);
    }

    public void Started(DateTimeOffset epoch, int seed, int servers, int racks, int cracs, double interval, double timeScale) =>
        Line("start", epoch, w =>
        {
            w.WriteNumber("seed", seed);
            w.WriteNumber("servers", servers);
            w.WriteNumber("racks", racks);
            w.WriteNumber("cracs", cracs);
            w.WriteNumber("intervalS", interval);
            w.WriteNumber("timeScale", timeScale);
        });

    public void FaultStarted(ActiveFault fault, DateTimeOffset epoch) =>
        Line("fault_start", At(epoch, fault.StartS), w =>
        {
            Describe(w, fault, epoch);
            if (fault.FailAtS is { } failAt) w.WriteString("failAt", At(epoch, failAt));
            if (fault.EndS is { } end) w.WriteString("plannedEnd", At(epoch, end));
        });

    public void Failure(ActiveFault fault, double atS, DateTimeOffset epoch) =>
        Line("failure", At(epoch, atS), w => Describe(w, fault, epoch));

    public void FaultEnded(ActiveFault fault, double atS, DateTimeOffset epoch) =>
        Line("fault_end", At(epoch, atS), w => Describe(w, fault, epoch));

    public void Command(DateTimeOffset ts, string commandId, string twinId, string name, bool success, string detail) =>
        Line("command", ts, w =>
        {
            w.WriteString("commandId", commandId);
            w.WriteString("twin", twinId);
            w.WriteString("name", name);
            w.WriteBoolean("success", success);
            w.WriteString("detail", detail);
        });

    /// <summary>The true state of every rack and the site's power, and any limit a rack crossed since the last sample.</summary>
    public void Sample(Simulation simulation)
    {
        if (_json is null) return;
        var now = simulation.Now;
        Line("racks", now, w =>
        {
            w.WriteNumber("itPowerW", Math.Round(simulation.ItPowerW, 1));
            w.WriteNumber("coolingLoadW", Math.Round(simulation.CoolingLoadW, 1));
            w.WriteNumber("coolingPowerW", Math.Round(simulation.CoolingPowerW, 1));
            w.WriteStartObject("racks");
            foreach (var rack in simulation.Site.Racks)
            {
                w.WriteStartObject(rack.Id);
                w.WriteNumber("maxInletC", Math.Round(rack.MaxInletC, 3));
                w.WriteNumber("meanInletC", Math.Round(rack.MeanInletC, 3));
                w.WriteNumber("powerW", Math.Round(rack.Servers.Sum(s => s.PowerW) + rack.Switches.Sum(s => s.PowerW), 1));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("cracs");
            foreach (var crac in simulation.Site.Cracs)
            {
                w.WriteStartObject(crac.Id);
                w.WriteNumber("supplyC", Math.Round(crac.SupplyC, 3));
                w.WriteNumber("coolingW", Math.Round(crac.CoolingW, 1));
                w.WriteNumber("powerW", Math.Round(crac.PowerW, 1));
                w.WriteBoolean("failed", crac.Failed);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
        foreach (var rack in simulation.Site.Racks)
        {
            var max = rack.MaxInletC;
            var level = max > rack.CriticalInletC ? "critical" : max > rack.WarnInletC ? "warning" : "ok";
            if (_rackLevels.TryGetValue(rack.Id, out var before) ? before == level : level == "ok")
            {
                _rackLevels[rack.Id] = level;
                continue;
            }
            _rackLevels[rack.Id] = level;
            Line("limit", now, w =>
            {
                w.WriteString("rack", rack.Id);
                w.WriteString("level", level);
                w.WriteString("from", before ?? "ok");
                w.WriteNumber("maxInletC", Math.Round(max, 3));
                w.WriteNumber("limitC", level == "critical" ? rack.CriticalInletC : rack.WarnInletC);
            });
        }
    }

    public void Flush() => _json?.Flush();

    private static void Describe(Utf8JsonWriter w, ActiveFault fault, DateTimeOffset epoch)
    {
        w.WriteString("id", fault.Id);
        w.WriteString("kind", fault.Spec.Kind);
        w.WriteString("target", fault.Spec.Target);
        w.WriteString("start", At(epoch, fault.StartS));
        if (fault.Spec.Metric is { } metric) w.WriteString("metric", metric);
        if (fault.Spec.Magnitude is { } magnitude) w.WriteNumber("magnitude", magnitude);
        if (fault.Spec.RampS is { } ramp) w.WriteNumber("rampS", ramp);
    }

    private static DateTimeOffset At(DateTimeOffset epoch, double seconds) => epoch + TimeSpan.FromSeconds(seconds);

    private void Line(string type, DateTimeOffset ts, Action<Utf8JsonWriter> body)
    {
        if (_json is null) return;
        lock (_json)
        {
            _json.WriteStartObject();
            _json.WriteString("type", type);
            _json.WriteString("ts", ts);
            body(_json);
            _json.WriteEndObject();
            _json.Flush();
            _json.Reset();
            _stream!.WriteByte((byte)'\n');
        }
    }

    public void Dispose()
    {
        _json?.Dispose();
        _stream?.Dispose();
    }
}
