using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.TopologyDirectory;

/// <summary>
/// The single writer of a scope's shape. A change is validated as a whole, recorded (directory and pending member
/// operations in one write) before any member is touched, then driven to completion; a change that fails halfway
/// is completed on the next change, by a retry timer, or on activation. Key: "live" or a scenario id.
/// </summary>
[MayInterleave(nameof(MayInterleave))]
public sealed partial class TopologyGrain(
    [PersistentState(TwinStorage.States.Topology, TwinStorage.Name)] IPersistentState<TopologyState> state,
    IOptions<TwinOptions> options,
    ILogger<TopologyGrain> logger)
    : Grain, ITopologyGrain
{
    private static readonly HashSet<string> Reads = [nameof(ResolveAsync), nameof(GetViewAsync), nameof(GetVersionAsync)];
    private readonly TwinOptions _options = options.Value;
    private Dictionary<string, HashSet<string>>? _children;
    private TimeSpan _recorded;
    private TimeSpan _applied;
    private TopologyView? _view;

    /// <summary>Directory reads interleave with a running change, so ingestion keeps resolving twins during a large import.</summary>
    public static bool MayInterleave(IInvokable request) => Reads.Contains(request.GetMethodName());

    private string Scope => this.GetPrimaryKeyString();

    private bool IsShadow => Scope != TopologyScopes.Live;

    private Dictionary<string, TopologyEntry> Entries => state.State.Entries;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending is not null) StartRetry(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<TopologyChangeResult> ImportAsync(TopologyDocument document)
    {
        if (document?.Twins is null) return Refuse(new TopologyError("", TopologyErrorCodes.Syntax, "No document was given."));
        if (await SettlePendingAsync() is { } busy) return Refuse(busy);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = TopologyValidator.Validate(document, Entries).ToList();
        foreach (var spec in document.Twins)
        {
            if (spec is not null && Entries.TryGetValue(spec.Id, out var held) && held.Kind != spec.Kind)
            {
                errors.Add(new TopologyError(spec.Id, TopologyErrorCodes.Conflict,
                    $"'{spec.Id}' is a {held.Kind.ToWireName()}; a twin's kind cannot change (remove it and add it again)."));
            }
        }
        if (errors.Count > 0) return TopologyChangeResult.Refused(errors, state.State.Version);

        var change = new PendingChange { Provisions = [.. document.Twins.OrderBy(s => s.Kind.LevelOf())] };
        int created = 0, updated = 0, moved = 0;
        foreach (var spec in document.Twins)
        {
            if (!Entries.TryGetValue(spec.Id, out var held))
            {
                created++;
                change.Created.Add(spec.Id);
            }
            else if (held.ParentId != spec.ParentId)
            {
                moved++;
                change.Moves.Add(new PendingMove { TwinId = spec.Id, Kind = spec.Kind, OldParentId = held.ParentId, NewParentId = spec.ParentId! });
            }
            else updated++;
        }
        var validated = clock.Elapsed;
        var result = await CommitAsync(change, () =>
        {
            foreach (var spec in document.Twins) Entries[spec.Id] = new TopologyEntry(spec.Id, spec.Kind, spec.ParentId, spec.Type);
        }, created, updated, moved, 0, document.Twins.Count == 1 ? document.Twins[0].Id : "");
        // Where a large import spends its time, for operators sizing one (and for whoever makes it faster).
        logger.LogInformation("Topology {Scope}: import of {Count} twins as version {Version} took {Total:F0} ms ({Validation:F0} ms validating, {Recording:F0} ms recording, {Applying:F0} ms applying)",
            Scope, document.Twins.Count, result.Version, clock.Elapsed.TotalMilliseconds, validated.TotalMilliseconds, _recorded.TotalMilliseconds, _applied.TotalMilliseconds);
        return result;
    }

    /// <inheritdoc />
    public async Task<TopologyChangeResult> AddAsync(TwinSpec spec)
    {
        if (spec is null) return Refuse(new TopologyError("", TopologyErrorCodes.Invalid, "No twin was given."));
        if (await SettlePendingAsync() is { } busy) return Refuse(busy);
        var errors = TopologyValidator.ValidateAdd(spec, Entries).ToList();
        if (errors.Count == 0 && Entries.ContainsKey(spec.Id))
        {
            errors.Add(new TopologyError(spec.Id, TopologyErrorCodes.DuplicateId, $"A twin '{spec.Id}' already exists."));
        }
        if (errors.Count > 0) return TopologyChangeResult.Refused(errors, state.State.Version);
        var change = new PendingChange { Provisions = [spec] };
        return await CommitAsync(change, () => Entries[spec.Id] = new TopologyEntry(spec.Id, spec.Kind, spec.ParentId, spec.Type), 1, 0, 0, 0, spec.Id);
    }

    /// <inheritdoc />
    public async Task<TopologyChangeResult> MoveAsync(string twinId, string newParentId)
    {
        if (await SettlePendingAsync() is { } busy) return Refuse(busy);
        var errors = TopologyValidator.ValidateMove(twinId, newParentId, Entries).ToList();
        if (errors.Count == 0 && !Entries.ContainsKey(twinId ?? ""))
        {
            errors.Add(new TopologyError(twinId ?? "", TopologyErrorCodes.UnknownTwin, $"No twin '{twinId}' exists."));
        }
        if (errors.Count > 0) return TopologyChangeResult.Refused(errors, state.State.Version);
        var entry = Entries[twinId!];
        if (entry.ParentId == newParentId) return new TopologyChangeResult(true, [], 0, 0, 0, 0, state.State.Version);
        var change = new PendingChange
        {
            Moves = [new PendingMove { TwinId = entry.Id, Kind = entry.Kind, OldParentId = entry.ParentId, NewParentId = newParentId }],
        };
        return await CommitAsync(change, () => Entries[entry.Id] = entry with { ParentId = newParentId }, 0, 0, 1, 0, entry.Id);
    }

    /// <inheritdoc />
    public async Task<TopologyChangeResult> RemoveAsync(string twinId, bool recursive = false)
    {
        if (await SettlePendingAsync() is { } busy) return Refuse(busy);
        if (twinId is null || !Entries.TryGetValue(twinId, out var root))
        {
            return Refuse(new TopologyError(twinId ?? "", TopologyErrorCodes.UnknownTwin, $"No twin '{twinId}' exists."));
        }
        var subtree = Subtree(twinId);
        if (subtree.Count > 1 && !recursive)
        {
            return Refuse(new TopologyError(twinId, TopologyErrorCodes.Conflict,
                $"'{twinId}' has {subtree.Count - 1} descendants; remove them first or remove recursively."));
        }
        var change = new PendingChange
        {
            Removals = [.. subtree.Select(id => Entries[id]).OrderByDescending(e => e.Kind.LevelOf())],
        };
        return await CommitAsync(change, () =>
        {
            foreach (var id in subtree) Entries.Remove(id);
        }, 0, 0, 0, subtree.Count, root.Id);
    }

    /// <inheritdoc />
    public Task<TopologyEntry?> ResolveAsync(string twinId) =>
        Task.FromResult(twinId is null ? null : Entries.GetValueOrDefault(twinId));

    /// <inheritdoc />
    public Task<TopologyView> GetViewAsync()
    {
        if (_view is null || _view.Version != state.State.Version)
        {
            _view = new TopologyView(state.State.Version,
                [.. Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);
        }
        return Task.FromResult(_view);
    }

    /// <inheritdoc />
    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);

    /// <summary>A scenario scope must be a valid id, or its twins could not be addressed once the change is recorded.</summary>
    private TopologyError? ScopeProblem() =>
        IsShadow && !TwinIds.IsValid(Scope)
            ? new TopologyError(Scope, TopologyErrorCodes.InvalidId, $"'{Scope}' is not a valid scenario id.")
            : null;

    private TopologyChangeResult Refuse(TopologyError error) => TopologyChangeResult.Refused([error], state.State.Version);

    /// <summary>
    /// Records the change (directory, version and pending member operations in one write), then drives it. When
    /// the record cannot be written nothing happened, so the in-memory directory is put back.
    /// </summary>
    private async Task<TopologyChangeResult> CommitAsync(
        PendingChange change, Action applyToDirectory, int created, int updated, int moved, int removed, string subject,
        [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        var before = new Dictionary<string, TopologyEntry>(Entries, StringComparer.Ordinal);
        var version = state.State.Version;
        applyToDirectory();
        change.Version = version + 1;
        change.RecordedAt = DateTimeOffset.UtcNow;
        state.State.Version = change.Version;
        state.State.Pending = change;
        _children = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await WriteAsync();
            _recorded = clock.Elapsed;
        }
        catch
        {
            state.State.Entries = before;
            state.State.Version = version;
            state.State.Pending = null;
            _children = null;
            throw;
        }
        if (!IsShadow)
        {
            // Recorded once the change is durable: from here it will be completed, whatever fails next.
            await ServiceProvider.RecordAuditAsync(operation switch
            {
                nameof(AddAsync) => AuditActions.TopologyAdd,
                nameof(MoveAsync) => AuditActions.TopologyMove,
                nameof(RemoveAsync) => AuditActions.TopologyRemove,
                _ => AuditActions.TopologyImport,
            }, subject.Length == 0 ? null : subject,
                $"version {change.Version}: {created} created, {updated} updated, {moved} moved, {removed} removed");
        }
        clock.Restart();
        var failure = await DriveAsync(attempts: 3);
        _applied = clock.Elapsed;
        IReadOnlyList<TopologyError> errors = failure is null
            ? []
            : [new TopologyError(subject, TopologyErrorCodes.Conflict,
                $"The change is recorded but not yet applied to every twin ({failure}); it will be completed automatically.")];
        return new TopologyChangeResult(true, errors, created, updated, moved, removed, change.Version);
    }

    /// <summary>Completes an earlier interrupted change before a new one; returns an error when it still cannot.</summary>
    private async Task<TopologyError?> SettlePendingAsync()
    {
        if (ScopeProblem() is { } invalid) return invalid;
        if (state.State.Pending is null) return null;
        var failure = await DriveAsync(attempts: 1);
        return failure is null
            ? null
            : new TopologyError("", TopologyErrorCodes.Conflict,
                $"An earlier change (version {state.State.Pending?.Version}) is still being applied ({failure}); try again later.");
    }

    private Task WriteAsync() => IsShadow ? Task.CompletedTask : state.WriteStateAsync();

    /// <summary>The ids of a twin and all its descendants.</summary>
    private List<string> Subtree(string rootId)
    {
        if (_children is null)
        {
            _children = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var entry in Entries.Values)
            {
                if (entry.ParentId is null) continue;
                if (!_children.TryGetValue(entry.ParentId, out var set)) _children[entry.ParentId] = set = new(StringComparer.Ordinal);
                set.Add(entry.Id);
            }
        }
        var result = new List<string> { rootId };
        for (var i = 0; i < result.Count; i++)
        {
            if (_children.TryGetValue(result[i], out var kids)) result.AddRange(kids);
        }
        return result;
    }

    private TwinKey KeyOf(string twinId) => IsShadow ? new TwinKey(twinId, Scope) : new TwinKey(twinId);
}
