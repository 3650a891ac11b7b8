using DataCentreSimulator.Faults;
using DataCentreSimulator.Plant;
using DigitalTwin.Abstractions.Telemetry;

namespace DataCentreSimulator.Telemetry;

/// <summary>
/// What each device reports (CONTRACTS 3): the true state seen through sensors with a little noise, and through
/// any stuck or drifting sensor fault. A server that is down, and its parts, report nothing, as a dead BMC would.
/// </summary>
internal sealed class TelemetryComposer(PlantIndex plant, FaultInjector faults, int seed)
{
    private readonly Random _noise = new(seed ^ 0x7e1e);
    private readonly Dictionary<string, bool> _cracRunning = new(StringComparer.Ordinal);

    /// <summary>
    /// Reports of the CRACs that stopped or started since the last call, sent at once rather than on the interval: a
    /// unit's controller raises an alarm when its fan or compressor stops, as a building management system's
    /// change-of-value and alarm reports do, and a cooling loop that waits for the next poll loses the seconds in which
    /// the racks it fed breathe their own exhaust. The first call only learns the states.
    /// </summary>
    public List<KeyValuePair<string, Dictionary<string, double>>> ComposeChanges(double nowS)
    {
        var twins = new List<KeyValuePair<string, Dictionary<string, double>>>();
        foreach (var crac in plant.Site.Cracs)
        {
            var running = !crac.Failed;
            if (_cracRunning.TryGetValue(crac.Id, out var was) && was != running) AddCrac(twins, crac, nowS);
            _cracRunning[crac.Id] = running;
        }
        return twins;
    }

    public List<KeyValuePair<string, Dictionary<string, double>>> Compose(double nowS, bool components = true)
    {
        var twins = new List<KeyValuePair<string, Dictionary<string, double>>>();
        var site = plant.Site;
        foreach (var server in site.Servers.Where(s => s.Running))
        {
            var util = server.Utilisation * 100;
            Add(twins, server.Id, nowS,
                (MetricNames.Utilisation, Math.Clamp(util + Noise(0.5), 0, 100)),
                (MetricNames.Power, server.PowerW + Noise(2)),
                (MetricNames.InletTemperature, server.InletC + Noise(0.1)),
                (MetricNames.OutletTemperature, server.OutletC + Noise(0.15)));
            // Components (CPUs, memory, disks, fans, PSUs) may report on a slower rhythm of their own (--component-interval).
            if (!components) continue;
            foreach (var cpu in server.CpuIds)
            {
                Add(twins, cpu, nowS, (MetricNames.Temperature, server.MassC + 12 + 25 * server.Utilisation + Noise(0.5)), (MetricNames.Utilisation, Math.Clamp(util + Noise(2), 0, 100)));
            }
            if (server.MemoryId is { } memory)
            {
                Add(twins, memory, nowS, (MetricNames.Temperature, server.MassC + 6 + 4 * server.Utilisation + Noise(0.3)), (MetricNames.Utilisation, Math.Clamp(40 + 30 * server.Utilisation + Noise(1), 0, 100)));
            }
            foreach (var disk in server.Disks.Where(d => !d.Failed))
            {
                Add(twins, disk.Id, nowS,
                    (MetricNames.Temperature, server.InletC + 12 + 5 * server.Utilisation + Noise(0.3)),
                    (MetricNames.Utilisation, Math.Clamp(60 * server.Utilisation + Noise(3), 0, 100)),
                    (MetricNames.ReallocatedSectors, disk.ReallocatedSectors),
                    (MetricNames.PendingSectors, disk.PendingSectors));
            }
            foreach (var fan in server.Fans) Add(twins, fan.Id, nowS, (MetricNames.FanSpeed, Math.Max(0, fan.Rpm + (fan.Rpm > 0 ? Noise(25) : 0))));
            foreach (var psu in server.Psus.Where(p => p.Published))
            {
                var working = psu.Available;
                Add(twins, psu.Id, nowS,
                    (MetricNames.Power, psu.LoadW),
                    (MetricNames.Temperature, server.InletC + 8 + 20 * psu.LoadW / Math.Max(1, server.PeakPowerW) + Noise(0.3)),
                    (MetricNames.OutputVoltage, working ? 12 + Noise(0.02) : 0));
            }
        }
        foreach (var sw in site.Switches.Where(s => s.Running))
        {
            Add(twins, sw.Id, nowS, (MetricNames.Power, sw.PowerW + Noise(2)), (MetricNames.Temperature, sw.Rack.Row.ColdAisleC + 15 + Noise(0.3)));
        }
        foreach (var crac in site.Cracs) AddCrac(twins, crac, nowS);
        foreach (var pdu in site.Pdus)
        {
            Add(twins, pdu.Id, nowS, (MetricNames.Power, pdu.LoadW), (MetricNames.LoadPercent, 100 * pdu.LoadW / pdu.CapacityW), (MetricNames.InputVoltage, pdu.InputVoltage));
        }
        foreach (var ups in site.Upses)
        {
            Add(twins, ups.Id, nowS,
                (MetricNames.Power, ups.LoadW),
                (MetricNames.LoadPercent, 100 * ups.LoadW / ups.CapacityW),
                (MetricNames.InputVoltage, ups.InputVoltage),
                (MetricNames.OnBattery, ups.OnBattery ? 1 : 0),
                (MetricNames.BatteryCharge, 100 * ups.Battery));
        }
        return twins;
    }

    private void AddCrac(List<KeyValuePair<string, Dictionary<string, double>>> twins, Crac crac, double nowS) =>
        Add(twins, crac.Id, nowS,
            (MetricNames.SupplyTemperature, crac.SupplyC + Noise(0.1)),
            (MetricNames.ReturnTemperature, crac.ReturnC + Noise(0.1)),
            (MetricNames.Setpoint, crac.SetpointC),
            (MetricNames.FanPercent, crac.Failed ? 0 : crac.Speed * 100),
            (MetricNames.Airflow, crac.AirflowM3S),
            (MetricNames.CoolingLoad, crac.CoolingW),
            (MetricNames.Power, crac.PowerW));

    private void Add(List<KeyValuePair<string, Dictionary<string, double>>> twins, string id, double nowS, params (string Metric, double Value)[] readings)
    {
        var map = new Dictionary<string, double>(readings.Length, StringComparer.Ordinal);
        foreach (var (metric, value) in readings) map[metric] = Math.Round(Sensed(id, metric, value, nowS), 3);
        twins.Add(new(id, map));
    }

    private double Sensed(string id, string metric, double value, double nowS)
    {
        if (faults.SensorFault(id, metric) is not { } fault) return value;
        if (fault.Spec.Kind == FaultKinds.StuckSensor) return fault.HeldValue ??= value;
        // A drifting sensor reads away from the truth at a steady rate (units per hour).
        return value + (fault.Spec.Magnitude ?? 2) * (nowS - fault.StartS) / 3600;
    }

    private double Noise(double scale) => (_noise.NextDouble() + _noise.NextDouble() - 1) * scale;
}
