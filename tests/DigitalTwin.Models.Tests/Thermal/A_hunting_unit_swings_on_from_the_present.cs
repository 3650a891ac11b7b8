using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// A CRAC whose controller hunts swings its supply about the setpoint with a steady period. The twin reads the swing
/// from the supply's history and a what-if carries it on from the moment it is asked: whether a unit fails on the
/// warm or the cold half of its neighbours' swings moves a starving rack's crossing by tens of seconds.
/// </summary>
public sealed class A_hunting_unit_swings_on_from_the_present
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_swing_is_read_from_one_minute_means_with_its_amplitude_period_and_phase()
    {
        const double amplitude = 0.4, period = 700, phase = 1.3;
        var times = Enumerable.Range(0, 180).Select(k => k * 60.0).ToList();
        // One-minute means of the sine (what the twins keep), with sensor noise.
        var noise = new Random(5);
        var supply = times.Select(t => 18 + MeanOfSine(amplitude, period, phase, t, t + 60) + 0.05 * (noise.NextDouble() - 0.5)).ToList();

        var hunt = CracHunt.Fit(Start, times, supply, 60);

        Assert.NotNull(hunt);
        Assert.InRange(hunt.PeriodS, 690, 710);
        Assert.InRange(hunt.AmplitudeC, 0.37, 0.43);
        // Two hours on, its swing is where the sine is.
        var later = Start.AddHours(2);
        for (var t = 0; t <= 600; t += 100)
            Assert.InRange(hunt.At(later, t) - amplitude * Math.Sin(2 * Math.PI * (7200 + t) / period + phase), -0.06, 0.06);
    }

    [Fact]
    public void Noise_and_drift_are_no_swing()
    {
        var times = Enumerable.Range(0, 180).Select(k => k * 60.0).ToList();
        var noise = new Random(9);
        var supply = times.Select(t => 18 + 0.3 * t / 10800 + 0.2 * (noise.NextDouble() - 0.5)).ToList();

        Assert.Null(CracHunt.Fit(Start, times, supply, 60));
    }

    [Fact]
    public void A_simulation_from_the_present_starts_at_each_units_reading_and_follows_its_swing()
    {
        var room = SyntheticRooms.TwoRows();
        var hunt = new CracHunt(0.5, 600, 0, Start, 0.99);
        var parameters = ThermalDefaults.For(room) with { Hunts = new Dictionary<string, CracHunt> { ["crac-2"] = hunt } };
        var model = new RoomThermalModel(room, parameters);
        var steady = model.SteadyState().Cracs.ToDictionary(c => c.Id);
        // Asked a quarter period after the reference: crac-2 is at the top of its swing; crac-1 reads 0.6 K warm.
        var now = Start.AddSeconds(150);
        var present = new ThermalPresent(now, new Dictionary<string, double> { ["crac-1"] = steady["crac-1"].SupplyC + 0.6 });

        var run = model.Simulate([], 1200, 10, present);
        var fromSteady = model.Simulate([], 1200, 10);

        var crac1 = run.Cracs.First(c => c.Id == "crac-1").SupplyC;
        var crac2 = run.Cracs.First(c => c.Id == "crac-2").SupplyC;
        Assert.Equal(steady["crac-1"].SupplyC + 0.6, crac1[0], 2);
        Assert.True(crac1[^1] - steady["crac-1"].SupplyC < 0.01, "what the swing does not explain dies away");
        Assert.Equal(steady["crac-2"].SupplyC + 0.5, crac2[0], 2);
        Assert.Equal(steady["crac-2"].SupplyC - 0.5, crac2[30], 2);
        // The racks breathe it: warmer at the start than from the steady state, and no different once it has passed.
        var rack = run.Racks.First(r => r.Id == "rack-a01");
        var steadyRack = fromSteady.Racks.First(r => r.Id == "rack-a01");
        Assert.True(rack.InletC[0] > steadyRack.InletC[0] + 0.2);
        Assert.Equal(steadyRack.InletC[0], steadyRack.InletC[^1], 2);
    }

    private static double MeanOfSine(double amplitude, double period, double phase, double from, double to)
    {
        var w = 2 * Math.PI / period;
        return amplitude * (Math.Cos(w * from + phase) - Math.Cos(w * to + phase)) / (w * (to - from));
    }
}
