namespace DigitalTwin.Models.Thermal;

/// <summary>
/// What one set of latest readings can still pin down when the history is too short for
/// <see cref="ThermalCalibrator"/>: each rack's inlet offset (so the model's steady state starts where the room is)
/// and each CRAC's compressor input per watt (so predicted CRAC power starts at what the unit reports).
/// </summary>
public static class LatestReadingCalibration
{
    /// <summary>
    /// Parameters whose rack inlet offsets put the steady-state inlet of every rack in <paramref name="latestInletC"/>
    /// on that reading. Unchanged when the history already fitted the offsets or the room has no steady state.
    /// </summary>
    /// <param name="room">The room as described now.</param>
    /// <param name="parameters">Its parameters (calibrated or defaults).</param>
    /// <param name="latestInletC">Per rack id, its latest highest inlet, °C.</param>
    public static ThermalParameters InletOffsets(ThermalRoom room, ThermalParameters parameters, IReadOnlyDictionary<string, double> latestInletC)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(latestInletC);
        if (parameters.Sources.FirstOrDefault(s => s.Parameter == "rack.inlet_offset") is { Calibrated: true }) return parameters;
        var readings = room.Racks.Where(r => latestInletC.TryGetValue(r.Id, out var v) && double.IsFinite(v)).ToList();
        if (readings.Count == 0) return parameters;
        var steady = new RoomThermalModel(room, parameters).SteadyState();
        if (!steady.Steady) return parameters;
        var racks = new Dictionary<string, RackThermalParameters>(parameters.Racks, StringComparer.Ordinal);
        foreach (var rack in readings)
        {
            var current = racks.TryGetValue(rack.Id, out var known) ? known : ThermalDefaults.Rack(rack);
            racks[rack.Id] = current with { InletOffsetK = current.InletOffsetK + latestInletC[rack.Id] - steady.RackInletC[rack.Id] };
        }
        return parameters with
        {
            Racks = racks,
            Sources = Replace(parameters.Sources, new ParameterSource("rack.inlet_offset", true,
                $"{readings.Count} of {room.Racks.Count} racks: latest inlet_temp_c against the steady state (history too short to fit)")),
        };
    }

    /// <summary>
    /// Parameters whose compressor input per watt of every CRAC in <paramref name="latest"/> explains its reported
    /// power: input = (power − fan power × speed³) / load at its supply temperature, referred back to the reference
    /// supply temperature along the parameters' own slope (the COP's rise per kelvin, which one reading cannot tell).
    /// A unit whose reading gives an implausible COP (outside 0.7–20) keeps its default. Unchanged when the history
    /// already fitted CRAC power.
    /// </summary>
    /// <param name="room">The room as described now (fan speeds from its CRACs).</param>
    /// <param name="parameters">Its parameters (calibrated or defaults).</param>
    /// <param name="latest">Per CRAC id, its latest reading.</param>
    public static ThermalParameters CracPower(ThermalRoom room, ThermalParameters parameters, IReadOnlyDictionary<string, CracReading> latest)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(latest);
        if (parameters.Sources.FirstOrDefault(s => s.Parameter == "crac.power") is { Calibrated: true }) return parameters;
        var cracs = new Dictionary<string, CracThermalParameters>(parameters.Cracs, StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var crac in room.Cracs.Where(c => c.Running && c.FanPct > 0))
        {
            if (!latest.TryGetValue(crac.Id, out var reading) || !(reading.CoolingLoadW > 0) || !double.IsFinite(reading.PowerW) || !double.IsFinite(reading.SupplyC)) continue;
            var p = cracs.TryGetValue(crac.Id, out var known) ? known : ThermalDefaults.Crac(crac);
            var compressor = reading.PowerW - p.FanPowerW * Math.Pow(crac.FanPct / 100, 3);
            var relative = 1 + p.CompressorInputSlopePerK / p.CompressorInputPerWatt * (reading.SupplyC - p.ReferenceSupplyC);
            if (compressor <= 0 || relative <= 0) continue;
            var input = compressor / reading.CoolingLoadW / relative;
            if (input is < 0.05 or > 1.5) continue;
            cracs[crac.Id] = p with { CompressorInputPerWatt = input, CompressorInputSlopePerK = p.CompressorInputSlopePerK / p.CompressorInputPerWatt * input };
            notes.Add($"{crac.Id} COP {1 / input:0.00}");
        }
        if (notes.Count == 0) return parameters;
        return parameters with
        {
            Cracs = cracs,
            Sources = Replace(parameters.Sources, new ParameterSource("crac.power", true,
                $"latest power_w less fan_power_w × speed³ over cooling_load_w, at {ThermalDefaults.ReferenceSupplyC} °C supply by the default {ThermalDefaults.CompressorImprovementPerK:P0}/K: " +
                string.Join("; ", notes) + (notes.Count < room.Cracs.Count ? "; others default" : ""))),
        };
    }

    private static IReadOnlyList<ParameterSource> Replace(IReadOnlyList<ParameterSource> sources, ParameterSource replacement) =>
        sources.Any(s => s.Parameter == replacement.Parameter)
            ? [.. sources.Select(s => s.Parameter == replacement.Parameter ? replacement : s)]
            : [.. sources, replacement];
}
