using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>A component twin: CPU, memory, disk, fan, PSU.</summary>
[RequiresRole(TwinRole.Viewer)]
public interface IComponentGrain : ITwinGrain, ITelemetryTarget
{
    /// <summary>The current failure prediction for this component.</summary>
    Task<MaintenancePrediction?> GetPredictionAsync();
}

/// <summary>An asset twin: server, CRAC, PDU, UPS, network switch.</summary>
[RequiresRole(TwinRole.Viewer)]
public interface IAssetGrain : ITwinGrain, ITelemetryTarget
{
    /// <summary>The current failure prediction for this asset (taking its components into account).</summary>
    Task<MaintenancePrediction?> GetPredictionAsync();

    /// <summary>Issues a command to the asset's device and publishes it; the returned status is Sent or Rejected.</summary>
    [RequiresRole(TwinRole.Operator)]
    Task<CommandStatus> SendCommandAsync(string name, IReadOnlyDictionary<string, double> arguments);

    /// <summary>
    /// Records the device's answer to a command. On success the command's arguments that name metrics
    /// (for example <c>setpoint_c</c>) become the twin's latest values. Returns false for an unknown command id.
    /// </summary>
    [RequiresRole(TwinRole.Operator)]
    Task<bool> AcknowledgeCommandAsync(string commandId, bool success, string? detail);

    /// <summary>Recent commands, newest first (bounded).</summary>
    Task<IReadOnlyList<CommandStatus>> GetCommandsAsync();
}

/// <summary>A rack twin.</summary>
[RequiresRole(TwinRole.Viewer)]
public interface IRackGrain : ITwinGrain
{
}

/// <summary>A room twin.</summary>
[RequiresRole(TwinRole.Viewer)]
public interface IRoomGrain : ITwinGrain
{
}

/// <summary>A data-centre twin: the root of a graph.</summary>
[RequiresRole(TwinRole.Viewer)]
public interface IDataCentreGrain : ITwinGrain
{
    /// <summary>The fleet's maintenance predictions, ranked by risk (highest failure probability first).</summary>
    Task<IReadOnlyList<MaintenancePrediction>> GetPredictionsAsync(int top = 50);

    /// <summary>
    /// The data centre's incidents (open ones; resolved ones too when asked), newest first. Incidents are grouped on
    /// the data centre's incident cadence from the open alerts of its subtree.
    /// </summary>
    Task<IReadOnlyList<Incident>> GetIncidentsAsync(bool includeResolved = false);

    /// <summary>Acknowledges an open incident. Returns false when it is unknown or already resolved.</summary>
    [RequiresRole(TwinRole.Operator)]
    Task<bool> AcknowledgeIncidentAsync(string incidentId, string operatorName);
}
