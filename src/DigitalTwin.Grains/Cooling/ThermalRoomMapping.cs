using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Cooling;

/// <summary>A room of the live state as the thermal model describes it: positions on the floor, ratings, present settings.</summary>
public static class ThermalRoomMapping
{
    /// <summary>The thermal model's view of <paramref name="room"/>.</summary>
    public static ThermalRoom ToThermalRoom(RoomSituation room)
    {
        var rows = FloorPlan.OrderRows(room.Racks.Select(r => r.Position).Concat(room.Cracs.Select(c => c.Position))
            .OfType<RackPosition>().Select(p => p.Row));
        FloorPoint? Locate(RackPosition? p)
        {
            if (p is null) return null;
            var (x, y) = FloorPlan.Locate(p, rows, room.Rated);
            return new FloorPoint(x, y);
        }
        return new ThermalRoom(room.RoomId, CoolingRatings.Rated(room.Rated, RatedProperties.Volume, 0),
            [.. room.Racks.Select(r => new ThermalRack(r.RackId, Locate(r.Position), r.ItPowerW, r.InletLimitC, r.Cooling, r.ServerCount))],
            [.. room.Cracs.Select(c => new ThermalCrac(c.CracId, Locate(c.Position), c.CoolingCapacityW, c.AirflowM3PerS, c.SetpointC,
                c.FanPct, c.Running, c.FanPowerW, c.SetpointMinC, c.SetpointMaxC, c.FanMinPct, c.FanCoastDownS))],
            CoolingRatings.Rated(room.Rated, RatedProperties.BypassFraction, double.NaN) is >= 0 and var bypass ? bypass : null,
            CoolingRatings.SurveyedReach(room.Rated));
    }
}
