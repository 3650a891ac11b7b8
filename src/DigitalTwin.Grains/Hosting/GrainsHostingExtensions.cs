using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Grains.Scenarios;
using DigitalTwin.Grains.Capacity;
using DigitalTwin.Grains.Cooling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace DigitalTwin.Grains.Hosting;

/// <summary>Adds the twins to a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>
    /// Registers the twin grains' options, bound from <see cref="TwinOptions.SectionName"/> and then adjusted by
    /// <paramref name="configure"/>. The host registers the <see cref="TwinStorage.Name"/> storage, and optionally an
    /// <see cref="Abstractions.Commands.IDeviceCommandPublisher"/> for asset commands. Scenario bounds are bound from
    /// <see cref="ScenarioOptions.SectionName"/>; the cooling loop's optimiser is <see cref="ModelCoolingOptimiser"/> unless
    /// another <see cref="ICoolingOptimiser"/> is registered. The audit trail is kept in memory unless the host registered a durable
    /// <see cref="IAuditLog"/> (the persistence wiring does).
    /// </summary>
    public static ISiloBuilder AddDigitalTwinGrains(this ISiloBuilder silo, Action<TwinOptions>? configure = null)
    {
        var options = silo.Services.AddOptions<TwinOptions>().BindConfiguration(TwinOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        silo.Services.AddOptions<ScenarioOptions>().BindConfiguration(ScenarioOptions.SectionName);
        silo.Services.AddOptions<CoolingOptions>().BindConfiguration(CoolingOptions.SectionName);
        // The models' optimiser unless the host (or a test) registered another.
        silo.Services.TryAddSingleton<ICoolingOptimiser, ModelCoolingOptimiser>();
        silo.Services.TryAddSingleton<Scenarios.Analysis.RoomCalibrationCache>();
        silo.Services.AddOptions<CapacityOptions>().BindConfiguration(CapacityOptions.SectionName);
        silo.Services.TryAddSingleton<IAuditLog, MemoryAuditLog>();
        silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<TwinOptions>>((collection, twins) => TwinCollection.Apply(collection, twins.Value));
        return silo;
    }
}
