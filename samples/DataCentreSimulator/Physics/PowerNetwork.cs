using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// The electrical side: a server draws power by its utilisation and fan speed, its healthy, powered PSUs share it
/// (one left carries all), PDUs and UPSs carry what hangs below them, a UPS without mains runs down its battery, and
/// a server with no live supply stops.
/// </summary>
internal static class PowerNetwork
{
    private const double UpsEfficiency = 0.95;
    // A UPS recharges far slower than it discharges: about ten runtimes from empty to full.
    private const double RechargeRuntimes = 10;

    public static void Step(DataCentre site, double dt)
    {
        foreach (var ups in site.Upses)
        {
            if (ups.OnBattery && ups.IsLive)
            {
                var load = Math.Clamp(ups.LoadW / ups.CapacityW, 0.05, 1.5);
                ups.Battery = Math.Max(0, ups.Battery - dt * load / ups.BatteryRuntimeS);
            }
            else if (!ups.OnBattery && !ups.Failed)
            {
                ups.Battery = Math.Min(1, ups.Battery + dt / (RechargeRuntimes * ups.BatteryRuntimeS));
            }
        }

        foreach (var node in site.PowerNodes.Values) node.LoadW = 0;
        foreach (var server in site.Servers)
        {
            var live = server.Psus.Where(p => p.Available).ToList();
            server.Running = live.Count > 0 && !server.ThermalTrip;
            server.PowerW = server.Running
                ? server.IdlePowerW + (server.PeakPowerW - server.IdlePowerW) * Math.Pow(server.Utilisation, 0.9)
                  + server.FanPeakPowerW * Math.Pow(server.FanFraction, 3)
                : 0;
            foreach (var psu in server.Psus)
            {
                psu.LoadW = server.Running && psu.Available ? server.PowerW / live.Count : 0;
                if (psu.Source is { } source) source.LoadW += psu.LoadW;
            }
        }
        foreach (var sw in site.Switches)
        {
            var live = sw.Sources.Where(s => s.IsLive).ToList();
            foreach (var source in live) source.LoadW += sw.PowerW / live.Count;
        }
        // PDUs hang below UPSs: pass their load up (one level is all the topology format's trees use).
        foreach (var pdu in site.Pdus)
        {
            if (pdu.Upstream is { } upstream) upstream.LoadW += pdu.LoadW / UpsEfficiency;
        }
    }
}
