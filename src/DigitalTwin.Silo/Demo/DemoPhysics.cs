using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// A small, plausible physical model of the demo data centre, so that the twin has something real-looking to mirror:
/// server load follows a daily cycle, power follows load, inlet temperature rises with the room's heat load against
/// its cooling, CRACs carry the room's heat, and a few planted faults (a wearing fan, a hot spot) give the anomaly
/// detectors and failure forecasts something to find.
/// </summary>
internal sealed class DemoPhysics(TopologyView view, int seed = 7)
{
    private const double IdlePowerW = 180, PeakPowerW = 520, SetpointC = 20;
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, TopologyEntry> _byId = view.Entries.ToDictionary(e => e.Id);
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    /// <summary>The devices that publish: every asset and component.</summary>
    public IEnumerable<TopologyEntry> Devices => view.Entries.Where(e => e.Kind.LevelOf() >= TwinLevel.Asset);

    /// <summary>The readings each device publishes at <paramref name="now"/>, keyed by twin id.</summary>
    public Dictionary<string, Dictionary<string, double>> Sample(DateTimeOffset now)
    {
        var elapsed = (now - _start).TotalSeconds;
        var readings = new Dictionary<string, Dictionary<string, double>>();
        var roomLoad = new Dictionary<string, double>();
        var servers = view.Entries.Where(e => e.Kind == TwinKind.Server).ToList();
        var hotSpot = servers.Count > 3 ? servers[3].Id : null;
        var wearingFanOwner = servers.Count > 1 ? servers[1].Id : null;

        foreach (var server in servers)
        {
            var phase = (Math.Abs(server.Id.GetHashCode(StringComparison.Ordinal)) % 628) / 100.0;
            // A compressed day: the load cycle repeats every six hours so that a demo shows it move.
            var util = Math.Clamp(45 + 30 * Math.Sin(2 * Math.PI * elapsed / 21_600 + phase) + Noise(5), 2, 100);
            var power = IdlePowerW + (PeakPowerW - IdlePowerW) * util / 100 + Noise(8);
            var room = RoomOf(server.Id);
            if (room is not null) roomLoad[room] = roomLoad.GetValueOrDefault(room) + power;
            readings[server.Id] = new()
            {
                [MetricNames.Utilisation] = util,
                [MetricNames.Power] = power,
            };
        }

        foreach (var server in servers)
        {
            var room = RoomOf(server.Id);
            var coolingW = view.Entries.Count(e => e.Kind == TwinKind.Crac && e.ParentId == room) * 60_000.0;
            var pressure = coolingW <= 0 ? 1.5 : roomLoad.GetValueOrDefault(room ?? "") / coolingW;
            var inlet = SetpointC + 2 + 6 * pressure + Noise(0.3);
            // A planted hot spot: blanking panels missing, so this server breathes its neighbours' exhaust for two minutes
            // every half hour, first twelve minutes in (after the detectors have learned what normal looks like).
            if (server.Id == hotSpot && elapsed >= 720 && (elapsed - 720) % 1800 < 120) inlet += 9;
            var util = readings[server.Id][MetricNames.Utilisation];
            readings[server.Id][MetricNames.InletTemperature] = inlet;
            readings[server.Id][MetricNames.OutletTemperature] = inlet + 8 + util / 10;
            foreach (var component in view.Entries.Where(e => e.ParentId == server.Id))
            {
                readings[component.Id] = ComponentReadings(component, inlet, util, elapsed, server.Id == wearingFanOwner);
            }
        }

        foreach (var crac in view.Entries.Where(e => e.Kind == TwinKind.Crac))
        {
            var room = crac.ParentId ?? "";
            var peers = Math.Max(1, view.Entries.Count(e => e.Kind == TwinKind.Crac && e.ParentId == room));
            var load = roomLoad.GetValueOrDefault(room) / peers;
            readings[crac.Id] = new()
            {
                [MetricNames.CoolingLoad] = load,
                [MetricNames.SupplyTemperature] = SetpointC + Noise(0.2),
                [MetricNames.ReturnTemperature] = SetpointC + 8 + load / 10_000 + Noise(0.3),
                [MetricNames.Power] = 3_000 + load * 0.25,
            };
        }

        foreach (var power in view.Entries.Where(e => e.Kind is TwinKind.Pdu or TwinKind.Ups))
        {
            var room = power.Kind == TwinKind.Ups ? power.ParentId : RoomOf(power.Id);
            var share = power.Kind == TwinKind.Ups ? 1.0 : 0.1;
            var load = roomLoad.GetValueOrDefault(room ?? "") * share;
            readings[power.Id] = new()
            {
                [MetricNames.Power] = load,
                [MetricNames.LoadPercent] = Math.Clamp(load / (power.Kind == TwinKind.Ups ? 200_000 : 22_000) * 100, 0, 150),
            };
            if (power.Kind == TwinKind.Ups) readings[power.Id][MetricNames.BatteryCharge] = 100 - Math.Abs(Noise(0.2));
        }

        foreach (var sw in view.Entries.Where(e => e.Kind == TwinKind.NetworkSwitch))
        {
            readings[sw.Id] = new() { [MetricNames.Power] = 150 + Noise(3), [MetricNames.Temperature] = 38 + Noise(0.5) };
        }
        return readings;
    }

    private Dictionary<string, double> ComponentReadings(TopologyEntry component, double inlet, double util, double elapsed, bool wearing) =>
        component.Kind switch
        {
            TwinKind.Cpu => new() { [MetricNames.Temperature] = inlet + 20 + 0.35 * util + Noise(0.8), [MetricNames.Utilisation] = util },
            TwinKind.Fan => new()
            {
                // Fans step gently with load; the wearing one loses 30 rpm a minute and should fail about two hours in:
                // the failure forecast should see it coming well before.
                [MetricNames.FanSpeed] = 4_200 + 12 * util - (wearing && component.Id.EndsWith('1') ? elapsed * 0.5 : 0) + Noise(30),
            },
            TwinKind.Disk => new() { [MetricNames.Temperature] = inlet + 12 + Noise(0.4), [MetricNames.Utilisation] = Math.Clamp(util * 0.6 + Noise(4), 0, 100) },
            TwinKind.Memory => new() { [MetricNames.Temperature] = inlet + 15 + Noise(0.4), [MetricNames.Utilisation] = Math.Clamp(50 + util * 0.3, 0, 100) },
            TwinKind.Psu => new() { [MetricNames.Temperature] = inlet + 18 + Noise(0.5), [MetricNames.Power] = (IdlePowerW + (PeakPowerW - IdlePowerW) * util / 100) / 2 },
            _ => new() { [MetricNames.Temperature] = inlet + 10 + Noise(0.5) },
        };

    private string? RoomOf(string id)
    {
        for (var entry = _byId.GetValueOrDefault(id); entry is not null; entry = entry.ParentId is null ? null : _byId.GetValueOrDefault(entry.ParentId))
        {
            if (entry.Kind == TwinKind.Room) return entry.Id;
        }
        return null;
    }

    private double Noise(double scale) => (_random.NextDouble() * 2 - 1) * scale;
}
