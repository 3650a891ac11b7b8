using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Grains.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>An asset twin: server, CRAC, PDU, UPS or network switch. It takes readings and commands its device.</summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class AssetGrain(
    [PersistentState(TwinStorage.States.Asset, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TelemetryTwinGrain(state, options), IAssetGrain
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.Asset;

    /// <inheritdoc />
    public async Task<MaintenancePrediction?> GetPredictionAsync()
    {
        _ = Spec;
        var own = OwnPrediction();
        var components = await CollectPredictionsAsync(10, Options.QueryTimeout);
        var worst = components.FirstOrDefault(p => p.TwinId != Key.TwinId);
        // A component with nothing to do (no deadline) says nothing about its asset.
        if (worst?.MaintainBy is null || (own is not null && own.FailureProbability >= worst.FailureProbability)) return own;
        // A component at risk puts its asset at risk: the asset's prediction carries the component's figures.
        var evidence = (own?.Evidence ?? []).Concat(worst.Evidence.Select(e => $"{worst.TwinId}: {e}")).ToArray();
        return worst with { TwinId = Key.TwinId, Kind = Spec.Kind, Evidence = evidence, RecommendedAction = $"{worst.TwinId}: {worst.RecommendedAction}" };
    }

    /// <inheritdoc />
    public async Task<CommandStatus> SendCommandAsync(string name, IReadOnlyDictionary<string, double> arguments)
    {
        _ = Spec;
        var now = Clock.GetUtcNow();
        var command = new DeviceCommand(
            Guid.NewGuid().ToString("N"), Key.TwinId, name ?? "",
            new Dictionary<string, double>(arguments ?? new Dictionary<string, double>(), StringComparer.Ordinal), now);
        var status = await PublishAsync(command, CommandArguments.Problem(name, arguments), now);
        State.Commands.Insert(0, status);
        if (State.Commands.Count > Options.MaxCommands) State.Commands.RemoveRange(Options.MaxCommands, State.Commands.Count - Options.MaxCommands);
        QueueChange(TwinChangeKind.Command, status);
        // Commands are rare and an acknowledgement may come after a restart, so they are written at once.
        StateChanged = true;
        await CheckpointAsync();
        if (!Key.IsShadow)
        {
            await ServiceProvider.RecordAuditAsync(AuditActions.CommandSend, Key.TwinId,
                $"{command.Name}({string.Join(", ", command.Arguments.Select(a => $"{a.Key}={a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}) " +
                $"id {command.CommandId}: {status.State}{(status.Detail is null ? "" : $" ({status.Detail})")}");
        }
        return status;
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeCommandAsync(string commandId, bool success, string? detail)
    {
        _ = Spec;
        var at = State.Commands.FindIndex(c => c.Command.CommandId == commandId);
        if (at < 0) return false;
        var held = State.Commands[at];
        if (held.State is CommandState.Acknowledged or CommandState.Rejected) return true;
        var now = Clock.GetUtcNow();
        State.Commands[at] = held with
        {
            State = success ? CommandState.Acknowledged : CommandState.Rejected,
            UpdatedAt = now,
            Detail = detail,
        };
        QueueChange(TwinChangeKind.Command, State.Commands[at]);
        if (success)
        {
            foreach (var (argument, value) in held.Command.Arguments)
            {
                if (CommandArguments.NamesMetric(argument, State.Latest)) Ledger.SetLatest(State, argument, value, now);
            }
        }
        MarkOwnChanged();
        await CheckpointAsync();
        return true;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CommandStatus>> GetCommandsAsync()
    {
        _ = Spec;
        return Task.FromResult<IReadOnlyList<CommandStatus>>(State.Commands.ToArray());
    }

    private async Task<CommandStatus> PublishAsync(DeviceCommand command, string? problem, DateTimeOffset now)
    {
        if (problem is not null) return new CommandStatus(command, CommandState.Rejected, now, problem);
        // A what-if copy must never reach the physical device.
        if (Key.IsShadow) return new CommandStatus(command, CommandState.Rejected, now, "shadow twins do not command devices");
        var publisher = ServiceProvider.GetService<IDeviceCommandPublisher>();
        if (publisher is null) return new CommandStatus(command, CommandState.Rejected, now, "no command channel");
        try
        {
            using var timeout = new CancellationTokenSource(PublishTimeout);
            await publisher.PublishAsync(command, timeout.Token);
            return new CommandStatus(command, CommandState.Sent, Clock.GetUtcNow(), null);
        }
        catch (Exception error)
        {
            Logger.LogWarning(error, "Command {Command} to {Twin} could not be published", command.CommandId, Key);
            return new CommandStatus(command, CommandState.Rejected, Clock.GetUtcNow(), $"publish failed: {error.Message}");
        }
    }
}
