using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// The physical world advancing in fixed steps of simulated time, independent of how often it is published: a
/// step of <see cref="StepS"/> is split into <see cref="Substeps"/> so the smallest air volumes (the aisles, seconds
/// of time constant) stay accurate when flows change quickly.
/// </summary>
internal sealed class Simulation(DataCentre site, DateTimeOffset epoch, int seed, double loadFactor = 1)
{
    /// <summary>Simulated seconds per step.</summary>
    public const double StepS = 1;
    public const int Substeps = 2;

    private readonly Workload _workload = new(seed, loadFactor);

    public DataCentre Site { get; } = site;
    public DateTimeOffset Epoch { get; private set; } = epoch;

    /// <summary>Simulated seconds since the epoch.</summary>
    public double ElapsedS { get; private set; }

    public DateTimeOffset Now => Epoch + TimeSpan.FromSeconds(ElapsedS);

    /// <summary>
    /// Makes <paramref name="epoch"/> the simulated instant of the present elapsed time 0: a run on its own clock starts
    /// its simulated time when it starts publishing, not when it began settling.
    /// </summary>
    public void StartAt(DateTimeOffset epoch) => Epoch = epoch;

    /// <summary>Advances one step.</summary>
    public void Step()
    {
        var dt = StepS / Substeps;
        for (var i = 0; i < Substeps; i++)
        {
            _workload.Step(Site.Servers, Now, dt);
            PowerNetwork.Step(Site, dt);
            foreach (var room in Site.Rooms) RoomThermals.Step(room, dt);
            ElapsedS += dt;
        }
    }

    /// <summary>Runs until the plant forgets its arbitrary initial temperatures (an hour settles every node but the structure).</summary>
    public void Settle(double seconds)
    {
        var start = ElapsedS;
        while (ElapsedS - start < seconds) Step();
        ElapsedS = start;
    }

    /// <summary>Total IT power (servers and switches), W.</summary>
    public double ItPowerW => Site.Servers.Sum(s => s.PowerW) + Site.Switches.Sum(s => s.PowerW);

    /// <summary>Total heat removed by the CRACs, W.</summary>
    public double CoolingLoadW => Site.Cracs.Sum(c => c.CoolingW);

    /// <summary>Total electrical power of cooling (compressors and fans), W.</summary>
    public double CoolingPowerW => Site.Cracs.Sum(c => c.PowerW);
}
