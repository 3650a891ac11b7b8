namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A history read as the model's quantities: each CRAC's running state, airflow, supply, load and power at every
/// grid time (filled from its rating where a reading is missing), and the room's return temperature as the
/// airflow-weighted mean of the running CRACs' returns.
/// </summary>
internal sealed class ObservedRoom
{
    public ObservedRoom(ThermalRoom room, ThermalHistory history)
    {
        History = history;
        Length = history.TimesS.Count;
        var n = room.Cracs.Count;
        CracRunning = new bool[n][];
        CracAirflow = new double[n][];
        CracFanPct = new double[n][];
        CracSupplyC = new double[n][];
        CracLoadW = new double[n][];
        CracPowerW = new double[n][];
        ReturnC = new double[Length];
        var returns = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var crac = room.Cracs[i];
            var rated = ThermalDefaults.AirflowM3PerS(crac);
            history.Cracs.TryGetValue(crac.Id, out var h);
            CracRunning[i] = new bool[Length];
            CracAirflow[i] = new double[Length];
            CracFanPct[i] = new double[Length];
            CracSupplyC[i] = new double[Length];
            CracLoadW[i] = new double[Length];
            CracPowerW[i] = new double[Length];
            returns[i] = new double[Length];
            for (var k = 0; k < Length; k++)
            {
                var fan = h is not null && double.IsFinite(h.FanPct[k]) ? h.FanPct[k] : crac.FanPct;
                var airflow = h is not null && double.IsFinite(h.AirflowM3PerS[k]) ? h.AirflowM3PerS[k] : rated * fan / 100;
                var running = h is null ? crac.Running : airflow > 1e-6 && fan > 0;
                var supply = h is not null && double.IsFinite(h.SupplyC[k]) ? h.SupplyC[k]
                    : h is not null && double.IsFinite(h.SetpointC[k]) ? h.SetpointC[k] : double.NaN;
                var ret = h?.ReturnC[k] ?? double.NaN;
                var load = h is not null && double.IsFinite(h.CoolingLoadW[k]) ? h.CoolingLoadW[k]
                    : Air.VolumetricHeatCapacity * airflow * (ret - supply);
                CracRunning[i][k] = running;
                CracAirflow[i][k] = running ? airflow : 0;
                CracFanPct[i][k] = fan;
                CracSupplyC[i][k] = supply;
                CracLoadW[i][k] = running ? load : 0;
                CracPowerW[i][k] = h?.PowerW[k] ?? double.NaN;
                returns[i][k] = ret;
            }
        }
        for (var k = 0; k < Length; k++)
        {
            double weight = 0, sum = 0;
            for (var i = 0; i < n; i++)
            {
                if (!CracRunning[i][k] || !double.IsFinite(returns[i][k])) continue;
                weight += CracAirflow[i][k];
                sum += CracAirflow[i][k] * returns[i][k];
            }
            ReturnC[k] = weight > 0 ? sum / weight : double.NaN;
        }
        allRunningSinceS = new double[Length];
        var since = double.NaN;
        for (var k = 0; k < Length; k++)
        {
            var all = Enumerable.Range(0, n).All(i => CracRunning[i][k]);
            if (!all) since = double.NaN;
            else if (double.IsNaN(since)) since = history.TimesS[k];
            allRunningSinceS[k] = since;
        }
    }

    // When every unit has run without a break since (NaN while one is stopped), s on the history's clock.
    private readonly double[] allRunningSinceS;

    /// <summary>
    /// True when every CRAC has been running for at least <paramref name="seconds"/> at grid time k: a unit that has
    /// just started is still ramping its fan and its coil, so its supply reading does not yet describe the air its
    /// racks get.
    /// </summary>
    public bool AllRunningFor(int k, double seconds) =>
        double.IsFinite(allRunningSinceS[k]) && History.TimesS[k] - allRunningSinceS[k] >= seconds;

    public ThermalHistory History { get; }
    public int Length { get; }
    public bool[][] CracRunning { get; }
    public double[][] CracAirflow { get; }
    public double[][] CracFanPct { get; }
    public double[][] CracSupplyC { get; }
    public double[][] CracLoadW { get; }
    public double[][] CracPowerW { get; }
    public double[] ReturnC { get; }

    /// <summary>True when every running CRAC's supply temperature is known at grid time k.</summary>
    public bool CracsKnown(int k)
    {
        for (var i = 0; i < CracRunning.Length; i++)
            if (CracRunning[i][k] && !double.IsFinite(CracSupplyC[i][k])) return false;
        return true;
    }
}
