using DataCentreSimulator.Faults;
using DataCentreSimulator.Generation;
using DataCentreSimulator.Physics;
using DataCentreSimulator.Plant;
using DataCentreSimulator.Truth;

namespace DigitalTwin.Simulator.Tests;

/// <summary>A generated hall (one room) run in simulated time from a weekday afternoon, near the daily peak, for physics tests.</summary>
internal sealed class SimulatedSite
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    public SimulatedSite(int servers = 126, int rooms = 1, int seed = 3, string? truthPath = null)
    {
        Plant = PlantBuilder.Build(DataCentreGenerator.Generate(servers, rooms, seed), seed);
        Simulation = new Simulation(Plant, Epoch, seed);
        Index = new PlantIndex(Plant);
        Truth = new TruthLog(truthPath);
        Faults = new FaultInjector(Index, Truth);
    }

    public DataCentre Plant { get; }
    public Simulation Simulation { get; }
    public PlantIndex Index { get; }
    public TruthLog Truth { get; }
    public FaultInjector Faults { get; }

    public void Run(double seconds)
    {
        var end = Simulation.ElapsedS + seconds;
        while (Simulation.ElapsedS < end)
        {
            Faults.Advance(Simulation.ElapsedS, Simulation.Epoch);
            Simulation.Step();
        }
    }
}
