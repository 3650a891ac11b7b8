namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Topology defaults for the thermal parameters, used wherever the telemetry history cannot identify a value.
/// Each constant is a physical rule of thumb (documented in samples/README.md), never a fit to one data centre.
/// </summary>
public static class ThermalDefaults
{
    /// <summary>Heat capacity of the room's hot-air node as a multiple of its air alone: floor tiles, rack frames,
    /// cabling and walls take part in a transient of minutes about as much as the air does.</summary>
    public const double StructureParticipation = 2.0;

    /// <summary>Air volume per rack when the room's <c>volume_m3</c> is unknown, m³ (about 4 m² of floor per
    /// rack including aisles and service space, 3.5 m from raised floor to ceiling).</summary>
    public const double VolumePerRackM3 = 15;

    /// <summary>Smallest room volume assumed when <c>volume_m3</c> is unknown, m³.</summary>
    public const double MinimumVolumeM3 = 150;

    /// <summary>Air temperature rise across servers at load, K (10–15 K is usual: about 0.08 kg/s per kW).</summary>
    public const double ExhaustRiseK = 12;

    /// <summary>Heat capacity per server that follows its exhaust temperature, J/K (about 15–20 kg of metal in a
    /// 1–2U server, of which part warms within minutes).</summary>
    public const double ServerHeatCapacityJPerK = 8000;

    /// <summary>Equipment heat capacity per watt of IT power when the server count is unknown, J/(K·W).</summary>
    public const double HeatCapacityPerWattJPerKW = 15;

    /// <summary>Share of intake that is exhaust air even with ample supply (containment leaks, rack tops).</summary>
    public const double Recirculation = 0.05;

    /// <summary>Share of CRAC air that leaves the floor without reaching any rack's front, when the room's survey does
    /// not say (<see cref="ThermalRoom.BypassFraction"/>): none. The model already returns to the room every rack's cold
    /// air beyond what its servers draw, which is what bypass figures (often half of a hall's air) measure; a fixed share
    /// on top counted it twice, and starved the racks a failure leaves short (against the simulator's aisles it put the
    /// middle row of a room 10-28 % below the air it gets, and each end unit's loss 4-6 K too hot). It cannot be told
    /// from a steady history: only a rack short of air shows how much reaches it.</summary>
    public const double BypassFraction = 0;

    /// <summary>Most bypass a room may be described with: some air must reach the racks.</summary>
    public const double MostBypassFraction = 0.9;

    /// <summary>
    /// Share of a starved rack's make-up air that is its own exhaust, coming back over and round the rack from the hot
    /// aisle; the rest is the room's return air. A rack short of cold air breathes exhaust (WHATIF-FACTS: recirculation).
    /// </summary>
    public const double ExhaustMakeUpShare = 0.5;

    /// <summary>How many times the rack's mean share of warm intake its hottest server breathes when the history cannot
    /// tell (exhaust that comes back rises: racks heat first at the top, WHATIF-FACTS). Twice the mean is a share that
    /// rises evenly from none at the bottom of the rack to the top, the same profile <see cref="FanRamp"/> assumes.</summary>
    public const double HottestShareFactor = 2.0;

    /// <summary>Most warm air any server breathes: some cold air always reaches its intake.</summary>
    public const double HighestWarmShare = 0.97;

    /// <summary>Rack inlet above which server fans start to speed up, °C. Fan tables of common servers ramp from about
    /// 24–27 °C inlet; the twin takes the early end because a starved rack's fans feed on themselves (more air drawn,
    /// less of it cold), so a later ramp would predict a runaway too late or not at all — a what-if should err toward
    /// warning early.</summary>
    public const double FanRampStartC = 24;

    /// <summary>Airflow gained per kelvin of inlet above <see cref="FanRampStartC"/>, as a share of the airflow at the
    /// ramp's start (full speed, <see cref="FanRampMax"/>, about 7 K above the start). Fan tables add duty in absolute
    /// steps, so the gain relative to the fans' speed is larger the slower they run: a few percent of full speed per
    /// kelvin is 12 %/K of a fan at half speed and 15-20 %/K of one at 30-40 % (a quiet night's load). The twin takes
    /// the quieter end, as it takes the early start: after a unit stops, a starved rack's fans decide how soon it runs
    /// away, and with every rack's air right the simulator's night crossings came 2-3 times later than its own at 12 %/K.</summary>
    public const double FanRampPerK = 0.15;

    /// <summary>Most airflow the ramp reaches, as a multiple of the airflow at its start (fans at full speed).</summary>
    public const double FanRampMax = 2;

    /// <summary>Air in the cold aisle in front of one rack, m³: a 0.6 m rack front, half of a 1.2 m (two-tile) aisle
    /// on each side it faces, 2.2 m high. A rack's intake follows a change of the air reaching it as this air is
    /// replaced at the rate the rack draws (a few seconds).</summary>
    public const double AisleAirPerRackM3 = 0.6 * 1.2 * 2.2;

    /// <summary>Share of a server chassis' excess temperature over its inlet that its air carries off (the
    /// effectiveness of the lumped-capacitance server model, Erden, Khalifa and Schmidt, J. Electron. Packag. 2014):
    /// an inlet step shows at once in the exhaust by 1 − this share, the rest as the chassis' heat capacity follows.</summary>
    public const double ServerEffectiveness = 0.8;

    /// <summary>Time constant of a CRAC fan coasting down when its unit stops, s. A large plug or centrifugal fan keeps
    /// turning unpowered for tens of seconds, so a stopped unit's air fades rather than vanishing, and a unit that
    /// answers the loss within seconds meets racks that have not yet lost all of it.</summary>
    public const double CracCoastDownS = 15;

    /// <summary>Speed below which a coasting CRAC fan has stopped, % of full.</summary>
    public const double CracFanStillPct = 1;

    /// <summary>Time constant of a running CRAC fan's drive following a new speed, s (EC and VFD drives ramp over
    /// seconds).</summary>
    public const double CracFanRampS = 5;

    /// <summary>Time constant of a stopped unit's coil warming to its return air, s: the air still passing it comes
    /// out cold at first.</summary>
    public const double CracCoilHoldS = 30;

    /// <summary>Time constant of server fan controllers following their inlet temperature, s.</summary>
    public const double FanResponseS = 10;

    /// <summary>How long what a unit's hunt does not explain of its present supply lasts once a simulation starts, s
    /// (e-folding): its controller pulls the supply back to the setpoint within minutes.</summary>
    public const double PresentDeviationS = 180;

    /// <summary>
    /// Mean server airflow of a rack, relative to the airflow at the ramp's start, when its servers' inlets run evenly
    /// from <paramref name="lowestC"/> at the bottom to <paramref name="highestC"/> at the top (each server's fans answer
    /// its own inlet, so the warm top of a rack speeds up before its mean does).
    /// </summary>
    public static double FanRamp(double lowestC, double highestC)
    {
        if (!double.IsFinite(lowestC) || !double.IsFinite(highestC)) return 1;
        if (highestC < lowestC) (lowestC, highestC) = (highestC, lowestC);
        // Mean of max(0, T − start) over T uniform on [lowest, highest]; the cap applies to the mean (a first-order cut).
        double above;
        if (highestC <= FanRampStartC) above = 0;
        else if (lowestC >= FanRampStartC || highestC - lowestC < 1e-9) above = 0.5 * (lowestC + highestC) - FanRampStartC;
        else above = (highestC - FanRampStartC) * (highestC - FanRampStartC) / (2 * (highestC - lowestC));
        return Math.Min(FanRampMax, 1 + FanRampPerK * Math.Max(0, above));
    }

    /// <summary>Affinity of a rack for a CRAC its <c>cooling</c> list names (others in the room get
    /// <see cref="UnlistedAffinity"/>).</summary>
    public const double ListedAffinity = 1.0;

    /// <summary>Affinity of a rack for a CRAC in its room that its <c>cooling</c> list does not name, or for every CRAC
    /// when the list is empty (then all count as listed).</summary>
    public const double UnlistedAffinity = 0.25;

    /// <summary>Distance over which a CRAC's influence falls by e when positions are known, m.</summary>
    public const double InfluenceLengthM = 8;

    /// <summary>Return temperature at which rated CRAC capacity holds, °C.</summary>
    public const double NominalReturnC = 27;

    /// <summary>Capacity change per kelvin of return air: a coil near 7 °C removes heat in proportion to
    /// (return − 7), so 1 / (27 − 7).</summary>
    public const double CapacitySlopePerK = 0.05;

    /// <summary>Capacity scales with airflow to this power (coil effectiveness falls as air speeds up).</summary>
    public const double CapacityAirflowExponent = 0.5;

    /// <summary>Compressor/chiller input per watt of heat at the reference supply temperature (COP 3.5).</summary>
    public const double CompressorInputPerWatt = 1 / 3.5;

    /// <summary>Fractional improvement of compressor efficiency per kelvin of warmer supply air (3 %/K).</summary>
    public const double CompressorImprovementPerK = 0.03;

    /// <summary>Supply temperature the compressor figures refer to, °C.</summary>
    public const double ReferenceSupplyC = 18;

    /// <summary>Fan power at full speed as a share of rated cooling capacity when <c>fan_power_w</c> is unknown.</summary>
    public const double FanPowerShareOfCapacity = 0.05;

    /// <summary>Inlet limit when a rack's servers name none: ASHRAE A1 allowable top, °C.</summary>
    public const double InletLimitC = 32;

    /// <summary>The room volume used: <see cref="ThermalRoom.VolumeM3"/> when given, else per rack.</summary>
    public static double VolumeM3(ThermalRoom room) =>
        room.VolumeM3 > 0 ? room.VolumeM3 : Math.Max(MinimumVolumeM3, VolumePerRackM3 * room.Racks.Count);

    /// <summary>A CRAC's airflow at full fan: its rating, else what carries its capacity at the exhaust rise.</summary>
    public static double AirflowM3PerS(ThermalCrac crac) =>
        crac.AirflowM3PerS > 0 ? crac.AirflowM3PerS : crac.CoolingCapacityW / (Air.VolumetricHeatCapacity * ExhaustRiseK);

    /// <summary>Default parameters of one rack.</summary>
    public static RackThermalParameters Rack(ThermalRack rack) => new(
        Recirculation,
        0,
        ExhaustRiseK,
        rack.ServerCount > 0
            ? rack.ServerCount * ServerHeatCapacityJPerK
            : Math.Max(rack.NameplatePowerW, rack.ItPowerW) * HeatCapacityPerWattJPerKW);

    /// <summary>Default parameters of one CRAC.</summary>
    public static CracThermalParameters Crac(ThermalCrac crac) => new(
        NominalReturnC,
        CapacitySlopePerK,
        CapacityAirflowExponent,
        CompressorInputPerWatt,
        -CompressorImprovementPerK * CompressorInputPerWatt,
        ReferenceSupplyC,
        crac.FanPowerW > 0 ? crac.FanPowerW : FanPowerShareOfCapacity * crac.CoolingCapacityW);

    /// <summary>Default affinity of a rack for each CRAC of its room: its cooling list, then distance.</summary>
    public static IReadOnlyDictionary<string, double> Affinity(ThermalRack rack, IReadOnlyList<ThermalCrac> cracs)
    {
        var affinity = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var crac in cracs)
        {
            var listed = rack.Cooling.Count == 0 || rack.Cooling.Contains(crac.Id, StringComparer.Ordinal);
            var weight = listed ? ListedAffinity : UnlistedAffinity;
            if (rack.Position is not null && crac.Position is not null)
                weight *= Math.Exp(-rack.Position.DistanceTo(crac.Position) / InfluenceLengthM);
            affinity[crac.Id] = weight;
        }
        return affinity;
    }

    /// <summary>Every parameter of a room at its topology default, each source saying so.</summary>
    public static ThermalParameters For(ThermalRoom room)
    {
        var volume = VolumeM3(room);
        var bypass = room.BypassFraction is { } surveyed && double.IsFinite(surveyed) ? Math.Clamp(surveyed, 0, MostBypassFraction) : BypassFraction;
        var volumeBasis = room.VolumeM3 > 0 ? $"volume_m3 {volume:0} m³" : $"no volume_m3: {VolumePerRackM3:0} m³ per rack = {volume:0} m³";
        return new ThermalParameters(
            room.Racks.ToDictionary(r => r.Id, Rack, StringComparer.Ordinal),
            room.Cracs.ToDictionary(c => c.Id, Crac, StringComparer.Ordinal),
            room.Racks.ToDictionary(r => r.Id, r => Affinity(r, room.Cracs), StringComparer.Ordinal),
            volume * Air.VolumetricHeatCapacity * StructureParticipation,
            bypass,
            [
                new("room.heat_capacity", false, $"{volumeBasis} × ρ·cp × {StructureParticipation} (air and structure)"),
                new("rack.recirculation", false, $"{Recirculation} of intake"),
                new("rack.inlet_offset", false, "0 K"),
                new("rack.hottest_share", false, $"hottest server breathes {HottestShareFactor}× the rack's mean share of warm air"),
                new("server.fan_response", false, $"airflow +{FanRampPerK:P0} per K of inlet above {FanRampStartC} °C, at most {FanRampMax}×, following within {FanResponseS:0} s"),
                new("rack.exhaust_rise", false, $"{ExhaustRiseK} K across servers"),
                new("rack.heat_capacity", false, $"{ServerHeatCapacityJPerK / 1000:0} kJ/K per server, effectiveness {ServerEffectiveness}"),
                new("room.bypass", false, room.BypassFraction is not null
                    ? $"bypass_fraction {bypass:P0} of the units' air reaches no rack"
                    : $"no bypass_fraction: every unit's air reaches some rack's front; what racks do not draw returns to the room"),
                new("room.air_reach", false, room.SurveyedReach is { } survey
                    ? $"floor survey: air_reach_m {survey.LengthM:0.#} m, plenum_share {survey.PlenumShare:P0}"
                    : "not known: each rack's cold air led by what it draws, moved only by the units' influences"),
                new("crac.influence", false, $"cooling list {ListedAffinity}, other CRACs {UnlistedAffinity}, × e^(−distance/{InfluenceLengthM} m)"),
                new("crac.fan_dynamics", false, $"a stopped unit's fan coasts down within its fan_coast_down_s, else {CracCoastDownS:0} s (its coil warms within {CracCoilHoldS:0} s); a running one ramps to a new speed within {CracFanRampS:0} s"),
                new("crac.hunt", false, $"no swing of the supply known: a simulation starts from each unit's present supply, which returns to the setpoint within {PresentDeviationS:0} s"),
                new("crac.capacity", false, $"rated capacity at {NominalReturnC} °C return, {CapacitySlopePerK:P0} per K"),
                new("crac.power", false, $"COP {1 / CompressorInputPerWatt:0.0} at {ReferenceSupplyC} °C supply, {CompressorImprovementPerK:P0} better per K; fan_power_w or {FanPowerShareOfCapacity:P0} of capacity × speed³"),
            ])
        {
            // A floor that has never run short of air cannot be read from its telemetry; a survey can say it.
            Reach = room.SurveyedReach,
        };
    }
}
