using DigitalTwin.Models.SensorFaults;

namespace DigitalTwin.Models.Tests.SensorFaults;

public sealed class Stuck_and_drifting_sensors_are_told_from_real_change
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-24T00:00:00Z");

    [Fact]
    public void A_noisy_reading_that_freezes_is_stuck_within_a_few_readings_and_recovers_when_it_moves()
    {
        var random = new Random(3);
        var detector = new StuckReadingDetector();
        for (var i = 0; i < 200; i++) Assert.False(detector.Observe(Math.Round(22 + random.NextDouble() * 0.2, 3)));

        var frozen = Enumerable.Range(0, 8).Select(_ => detector.Observe(22.105)).ToArray();

        Assert.Equal([false, false, false, false, true, true, true, true], frozen);
        Assert.False(detector.Observe(22.131));
    }

    [Fact]
    public void A_steady_setpoint_and_a_utilisation_pinned_at_its_maximum_are_not_stuck()
    {
        var setpoint = new StuckReadingDetector();
        Assert.DoesNotContain(true, Enumerable.Range(0, 300).Select(i => setpoint.Observe(i < 150 ? 18 : 19)));

        var random = new Random(5);
        var utilisation = new StuckReadingDetector();
        for (var i = 0; i < 200; i++) utilisation.Observe(Math.Min(100, Math.Round(60 + random.NextDouble() * 45, 2)));
        Assert.DoesNotContain(true, Enumerable.Range(0, 50).Select(_ => utilisation.Observe(100)));
    }

    [Fact]
    public void An_inlet_that_drifts_from_its_rack_while_its_outlet_stays_is_drifting_and_clears_when_it_returns()
    {
        var detector = new PeerDriftDetector(TimeSpan.FromHours(6), TimeSpan.FromDays(1));
        var random = new Random(7);
        double Noise() => (random.NextDouble() - 0.5) * 0.2;
        var changes = new List<(double Hours, bool Drifting)>();
        for (var step = 0; step <= 12 * 10; step++)
        {
            var hours = step / 12.0;
            var peers = 22 + Math.Sin(hours) + Noise();
            // From 4 h to 8 h the sensor reads 2 °C an hour too high; the air, and so the outlet, does not change.
            var drift = hours is > 4 and <= 8 ? 2 * (hours - 4) : 0;
            if (detector.Observe(T0.AddHours(hours), peers + 0.5 + Noise() + drift, peers, peers + 10 + Noise(), peers + 10))
            {
                changes.Add((hours, detector.IsDrifting));
            }
        }

        Assert.Equal(2, changes.Count);
        Assert.True(changes[0].Drifting);
        Assert.InRange(changes[0].Hours, 4.5, 5.5);
        Assert.False(changes[1].Drifting);
        Assert.InRange(changes[1].Hours, 8, 8.5);
    }

    [Fact]
    public void A_blocked_air_path_moves_the_outlet_too_and_is_not_a_drifting_sensor()
    {
        var detector = new PeerDriftDetector(TimeSpan.FromHours(6), TimeSpan.FromDays(1));
        var random = new Random(11);
        double Noise() => (random.NextDouble() - 0.5) * 0.2;
        for (var step = 0; step <= 12 * 8; step++)
        {
            var hours = step / 12.0;
            // From 3 h its own exhaust is breathed back (inlet +4 °C) and half the air moves (outlet +12 °C).
            var hot = hours > 3;
            detector.Observe(T0.AddHours(hours), 22.5 + Noise() + (hot ? 4 : 0), 22, 32 + Noise() + (hot ? 12 : 0), 32);
            Assert.False(detector.IsDrifting, $"drifting at {hours:F2} h");
            // It is air warmer at this server than at its peers, from the second warm sample on (ten minutes).
            Assert.Equal(step >= 12 * 3 + 2, detector.IsWarmerThanPeers);
        }
    }

    [Fact]
    public void A_rack_that_warms_as_a_whole_is_nobody_warmer_than_its_peers()
    {
        var detector = new PeerDriftDetector(TimeSpan.FromHours(6), TimeSpan.FromDays(1));
        var random = new Random(12);
        double Noise() => (random.NextDouble() - 0.5) * 0.2;
        for (var step = 0; step <= 12 * 8; step++)
        {
            var hours = step / 12.0;
            // From 3 h the room's cooling fails: the whole rack's inlets and outlets rise together by 8 °C.
            var warm = hours > 3 ? 8 : 0;
            detector.Observe(T0.AddHours(hours), 22.5 + Noise() + warm, 22 + warm, 32 + Noise() + warm, 32 + warm);
            Assert.False(detector.IsWarmerThanPeers, $"warmer than its peers at {hours:F2} h");
        }
    }

    [Fact]
    public void Air_that_steps_up_at_one_server_is_warmer_than_its_peers_on_the_second_reading_of_it_even_before_the_chassis_warms()
    {
        var detector = new PeerDriftDetector(TimeSpan.FromHours(6), TimeSpan.FromDays(1));
        var random = new Random(13);
        double Noise() => (random.NextDouble() - 0.5) * 0.2;
        // Fifteen minutes of samples every five (a demo's start), then readings 5 s apart once the inlet jumped.
        for (var step = 0; step <= 3; step++) detector.Observe(T0.AddMinutes(5 * step), 20.4 + Noise(), 20.5, 36.6 + Noise(), 37);
        var hotAt = T0.AddMinutes(15);
        // A blocked air path lifts the inlet 6.3 °C at once; the outlet follows by under a third at first (the chassis' heat lags).
        var first = detector.Observe(hotAt.AddSeconds(5), 26.7, 20.5, 38.5, 37);
        Assert.False(first || detector.IsWarmerThanPeers);
        Assert.True(detector.IsWarmingPending);
        detector.Observe(hotAt.AddSeconds(10), 26.66, 20.5, 38.3, 37);
        Assert.True(detector.IsWarmerThanPeers && detector.WarmingChanged);
        Assert.False(detector.IsDrifting);

        // Two minutes later the air path clears: the inlet is back with its peers on the next two readings, the outlet still warm.
        detector.Observe(hotAt.AddSeconds(125), 20.3, 20.5, 39.2, 37);
        Assert.True(detector.IsWarmerThanPeers);
        detector.Observe(hotAt.AddSeconds(130), 20.35, 20.5, 39.0, 37);
        Assert.False(detector.IsWarmerThanPeers);
        Assert.True(detector.WarmingChanged);
    }

    [Fact]
    public void Air_that_steps_up_is_warmer_than_its_peers_though_the_outlet_wandered_below_its_baseline_with_the_server_s_own_work()
    {
        var detector = new PeerDriftDetector(TimeSpan.FromHours(6), TimeSpan.FromDays(1));
        var random = new Random(17);
        double Noise() => (random.NextDouble() - 0.5) * 0.1;
        // The demo's srv-a01-04 (simulator, seed 1): its outlet ran 0.5 °C under its peers' at the start and 1.1-1.3 °C
        // under fifteen minutes later, as its utilisation fell from 29 % to 20 % (samples every five minutes).
        for (var step = 0; step <= 3; step++) detector.Observe(T0.AddMinutes(5 * step), 20.0 + Noise(), 20.5, 36.5 - 0.25 * step + Noise(), 37);
        var hotAt = T0.AddMinutes(15);
        // The hot spot: the inlet steps 6.2 °C and the outlet 1.9 °C (0.30 of it), which measured from the outlet's
        // first baseline is under a fifth of the inlet's shift.
        detector.Observe(hotAt.AddSeconds(5), 26.2, 20.5, 37.65, 37);
        detector.Observe(hotAt.AddSeconds(10), 26.15, 20.5, 37.5, 37);

        Assert.True(detector.IsWarmerThanPeers);
        Assert.False(detector.IsDrifting);
    }
}
