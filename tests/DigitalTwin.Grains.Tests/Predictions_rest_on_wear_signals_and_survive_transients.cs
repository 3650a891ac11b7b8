using System.Globalization;
using System.Text.RegularExpressions;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed partial class Predictions_rest_on_wear_signals_and_survive_transients(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task An_ended_inlet_excursion_blames_neither_the_server_nor_the_disk_it_warmed()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var server = t.Server('a', 1, 1);
        var disk = $"{server}-disk";
        var diskLimit = new Dictionary<string, MetricLimit> { [MetricNames.Temperature] = new(WarnAbove: 50, CriticalAbove: 60) };
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(disk, TwinKind.Disk, server, Limits: diskLimit))).Applied);
        var start = DateTimeOffset.UtcNow.AddHours(-10);
        var random = new Random(3);
        var serverFeed = new DeviceFeed(Grains, server, TwinKind.Server, start, TimeSpan.FromMinutes(1));
        var diskFeed = new DeviceFeed(Grains, disk, TwinKind.Disk, start, TimeSpan.FromMinutes(1));
        for (var minute = 0; minute < 600; minute++)
        {
            // Two minutes of a hot spot, ten minutes before the end: 22.5 °C to 31.8 °C, past both server limits.
            var inlet = 22.5 + random.NextDouble() * 0.4 + (minute is 588 or 589 ? 9.3 : 0);
            await serverFeed.Send(new Dictionary<string, double> { [MetricNames.InletTemperature] = inlet });
            await diskFeed.Send(new Dictionary<string, double> { [MetricNames.Temperature] = inlet + 12, [MetricNames.ReallocatedSectors] = 0 });
        }

        var ranking = await Grains.GetGrain<IDataCentreGrain>(t.DataCentre).GetPredictionsAsync(top: 50);

        Assert.DoesNotContain(ranking, p => p.TwinId == server);
        var diskPrediction = Assert.Single(ranking, p => p.TwinId == disk);
        Assert.Equal("No action", diskPrediction.RecommendedAction);
        Assert.True(diskPrediction.FailureProbability < 0.01, $"P = {diskPrediction.FailureProbability}");
        Assert.DoesNotContain(diskPrediction.Evidence, e => e.Contains(MetricNames.Temperature, StringComparison.Ordinal));
        Assert.Null(await Grains.GetGrain<IAssetGrain>(server).GetPredictionAsync());
    }

    [Fact]
    public async Task Growing_reallocated_sectors_predict_the_disk_failure_from_its_counters()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 2));
        var worn = $"{t.Server('a', 1, 1)}-disk";
        var sound = $"{t.Server('a', 1, 2)}-disk";
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(worn, TwinKind.Disk, t.Server('a', 1, 1)))).Applied);
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(sound, TwinKind.Disk, t.Server('a', 1, 2)))).Applied);
        var start = DateTimeOffset.UtcNow.AddHours(-20);
        var wornFeed = new DeviceFeed(Grains, worn, TwinKind.Disk, start, TimeSpan.FromMinutes(10));
        var soundFeed = new DeviceFeed(Grains, sound, TwinKind.Disk, start, TimeSpan.FromMinutes(10));
        for (var i = 0; i < 120; i++)
        {
            // Remapping speeds up as the surface goes: about 3 sectors an hour, in whole sectors; 100 is failure.
            var sectors = Math.Floor(i / 2.0);
            await wornFeed.Send(new Dictionary<string, double> { [MetricNames.ReallocatedSectors] = sectors, [MetricNames.PendingSectors] = i > 100 ? 2 : 0 });
            await soundFeed.Send(new Dictionary<string, double> { [MetricNames.ReallocatedSectors] = 4, [MetricNames.PendingSectors] = 0 });
        }

        var prediction = await Grains.GetGrain<IComponentGrain>(worn).GetPredictionAsync();
        var calm = await Grains.GetGrain<IComponentGrain>(sound).GetPredictionAsync();

        Assert.NotNull(prediction);
        Assert.Equal("counters", prediction.Basis);
        Assert.StartsWith("Replace disk within", prediction.RecommendedAction);
        Assert.InRange(prediction.TimeToFailure!.Value.TotalHours, 8, 30);
        Assert.True(prediction.Confidence > 0.95, $"confidence {prediction.Confidence}");
        Assert.NotNull(calm);
        Assert.Equal("No action", calm.RecommendedAction);
        Assert.Equal(0, calm.FailureProbability);
    }

    [Fact]
    public async Task A_fan_dip_that_ended_gives_no_action_and_a_probability_its_evidence_agrees_with()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var fan = $"{t.Server('a', 1, 1)}-fan";
        var limit = new Dictionary<string, MetricLimit> { [MetricNames.FanSpeed] = new(WarnBelow: 2000, CriticalBelow: 1200) };
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(fan, TwinKind.Fan, t.Server('a', 1, 1), Limits: limit))).Applied);
        var feed = new DeviceFeed(Grains, fan, TwinKind.Fan, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromSeconds(30));
        var random = new Random(5);
        for (var i = 0; i < 230; i++)
        {
            var dip = i is >= 200 and < 204 ? -2500 : 0;
            await feed.Send(MetricNames.FanSpeed, 4800 + random.NextDouble() * 60 + dip);
        }

        var prediction = await Grains.GetGrain<IComponentGrain>(fan).GetPredictionAsync();

        Assert.NotNull(prediction);
        Assert.Equal("No action", prediction.RecommendedAction);
        Assert.True(prediction.FailureProbability < 0.05, $"P = {prediction.FailureProbability}");
        Assert.True(prediction.Confidence > 0.9, $"confidence {prediction.Confidence}");
        var stated = Assert.Single(prediction.Evidence.Select(e => StatedProbability().Match(e)), m => m.Success);
        Assert.Equal(prediction.FailureProbability, double.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture), 2);
    }

    [GeneratedRegex(@"\) = ([0-9.]+)\)")]
    private static partial Regex StatedProbability();
}
