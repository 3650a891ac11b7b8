using System.Globalization;
using DigitalTwin.Abstractions.Capacity;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Models.Capacity;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Capacity;

/// <summary>
/// Capacity answers for one data centre (keyed by its twin id). The counts come from the live state; the dates from
/// straight-line trends (<see cref="CapacityModel"/>) of IT power samples this grain takes on a cadence once it has
/// been asked, so a fresh one says it has no trend yet rather than guess.
/// </summary>
public sealed class CapacityGrain(
    [PersistentState(TwinStorage.States.Capacity, TwinStorage.Name)] IPersistentState<CapacityState> state,
    IOptions<CapacityOptions> options)
    : Grain, ICapacityGrain
{
    private readonly CapacityOptions _options = options.Value;

    private TimeProvider Clock => TwinClock.From(ServiceProvider);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(async _ =>
        {
            if (SampleDue()) await SampleAsync(await ReadAsync());
        }, new GrainTimerCreationOptions(_options.TickInterval, _options.TickInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CapacityAnswer> GetCapacityAsync(double serverPowerW, double serverSizeU = 1)
    {
        if (!(serverPowerW > 0) || !double.IsFinite(serverPowerW)) throw new ArgumentOutOfRangeException(nameof(serverPowerW), "a server's power must be a number above 0 W");
        if (!(serverSizeU > 0) || !double.IsFinite(serverSizeU)) throw new ArgumentOutOfRangeException(nameof(serverSizeU), "a server's size must be a number above 0 U");
        var site = await ReadAsync();
        if (SampleDue()) await SampleAsync(site);
        var rooms = site.Rooms.Select(room =>
        {
            var racks = room.Racks.Select(rack => RackAnswer(rack, serverPowerW, serverSizeU)).ToArray();
            var nPlusOne = ServerFit.WithOneLost(room.CracCapacitiesW.ToArray());
            var limits = new[]
            {
                Limit(CapacityResources.Power, room.Id, room.ItPowerW, room.Racks.Sum(r => r.BudgetW), "W", racks.Sum(r => Of(r, CapacityResources.Power))),
                Limit(CapacityResources.CoolingNPlusOne, room.Id, room.ItPowerW, nPlusOne, "W", ServerFit.Count(room.ItPowerW, nPlusOne, serverPowerW),
                    room.CracCapacitiesW.Count < 2 ? $"{room.CracCapacitiesW.Count} CRAC(s): no capacity survives losing one" : null),
                Limit(CapacityResources.Space, null, room.Racks.Sum(r => r.OccupiedU), room.Racks.Sum(r => r.HeightU), "U", racks.Sum(r => Of(r, CapacityResources.Space))),
            };
            // Racks fill one by one: the room takes what its racks take, unless cooling runs out first.
            var fit = Math.Min(racks.Sum(r => r.MoreServers), limits[1].MoreServers);
            return new RoomCapacity(room.Id, fit, fit == limits[1].MoreServers && fit < racks.Sum(r => r.MoreServers) ? CapacityResources.CoolingNPlusOne : Tightest(racks),
                limits, racks);
        }).ToArray();
        return new CapacityAnswer(this.GetPrimaryKeyString(), Clock.GetUtcNow(), serverPowerW, serverSizeU, rooms.Sum(r => r.MoreServers), rooms);
    }

    private RackCapacity RackAnswer(CapacitySite.Rack rack, double serverPowerW, double serverSizeU)
    {
        var limits = new[]
        {
            Limit(CapacityResources.Power, rack.Id, rack.ItPowerW, rack.BudgetW, "W", ServerFit.Count(rack.ItPowerW, rack.BudgetW, serverPowerW),
                rack.BudgetW > 0 ? null : "no power_budget_w rated"),
            Limit(CapacityResources.Space, null, rack.OccupiedU, rack.HeightU, "U", ServerFit.Count(rack.OccupiedU, rack.HeightU, serverSizeU)),
        };
        var tightest = limits.MinBy(l => l.MoreServers)!;
        return new RackCapacity(rack.Id, tightest.MoreServers, tightest.Resource, limits);
    }

    private static int Of(RackCapacity rack, string resource) => rack.Limits.First(l => l.Resource == resource).MoreServers;

    private static string Tightest(IEnumerable<RackCapacity> racks) =>
        racks.GroupBy(r => r.LimitedBy).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? CapacityResources.Space;

    /// <summary>A resource's answer, with the date from the trend of <paramref name="trendOf"/>'s IT power when one is known.</summary>
    private CapacityLimit Limit(string resource, string? trendOf, double used, double limit, string unit, int more, string? note = null)
    {
        if (note is not null || trendOf is null)
        {
            return new CapacityLimit(resource, used, limit, unit, more, null, null, null, note ?? "space grows by installs, not with load: no trend");
        }
        var samples = state.State.Samples.GetValueOrDefault(trendOf) ?? [];
        try
        {
            var forecast = CapacityModel.Forecast(resource, samples.Select(s => (s.At, s.PowerW)).ToArray(), limit, _options.Confidence);
            return new CapacityLimit(resource, used, limit, unit, more, forecast.ExhaustedAt, forecast.Earliest, forecast.Latest, forecast.Basis);
        }
        catch (ArgumentException error)
        {
            return new CapacityLimit(resource, used, limit, unit, more, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"no trend yet: {error.Message.Split(" (Parameter")[0]} (IT power is sampled every {_options.SampleInterval:g})"));
        }
    }

    private Task<CapacitySite> ReadAsync() => CapacitySite.ReadAsync(GrainFactory, this.GetPrimaryKeyString(), _options.DefaultRackHeightU);

    private bool SampleDue() => state.State.LastSampleAt is not { } last || Clock.GetUtcNow() - last >= _options.SampleInterval;

    private async Task SampleAsync(CapacitySite site)
    {
        var now = Clock.GetUtcNow();
        foreach (var (id, power) in site.Rooms.SelectMany(room => room.Racks.Select(r => (r.Id, r.ItPowerW)).Append((room.Id, room.ItPowerW))))
        {
            if (!state.State.Samples.TryGetValue(id, out var list)) state.State.Samples[id] = list = [];
            list.Add(new PowerSample(now, power));
            if (list.Count > _options.MaxSamples) list.RemoveRange(0, list.Count - _options.MaxSamples);
        }
        state.State.LastSampleAt = now;
        await state.WriteStateAsync();
    }
}
