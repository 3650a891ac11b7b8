using System.Diagnostics;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Grains.Changes;
using DigitalTwin.Grains.Scenarios.Analysis;
using DigitalTwin.Grains.Scenarios.Forking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Scenarios;

/// <summary>
/// One what-if scenario (see <see cref="IScenarioGrain"/>). The request is checked whole before anything is forked;
/// then a slot is taken from the cluster's admission count, the subtree is read and seeded into shadows, the
/// perturbations are written into the shadows, and the models run. The shadows and the answer live until the
/// scenario is ended or expires; a run that takes longer than allowed is abandoned and cleaned up at once. Its
/// progress (forking, answered, failed, ended) is published on the change feeds. Nothing
/// here is persisted: a scenario is a short-lived, in-memory question.
/// </summary>
public sealed class ScenarioGrain(IOptions<ScenarioOptions> options, ILogger<ScenarioGrain> logger) : Grain, IScenarioGrain
{
    private readonly ScenarioOptions _options = options.Value;
    private bool _ran;
    private ScenarioAnswer? _answer;
    private IReadOnlyList<TwinRef> _shadows = [];
    private IGrainTimer? _expiry;
    private TwinRef? _root;

    private string ScenarioId => this.GetPrimaryKeyString();

    private TimeProvider Clock => Abstractions.Time.TwinClock.From(ServiceProvider);

    /// <inheritdoc />
    public async Task<ScenarioOutcome> RunAsync(ScenarioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_ran) return Refuse(ScenarioProblemCodes.AlreadyRun, $"Scenario '{ScenarioId}' has already run; ask for its answer or use a new id.");
        if (!TwinIds.IsValid(ScenarioId)) return Refuse(ScenarioProblemCodes.Invalid, $"'{ScenarioId}' is not a valid scenario id.");
        var problems = RequestCheck.Shape(request);
        if (problems.Count > 0) return Refused(problems);

        var forkClock = Stopwatch.StartNew();
        var view = await GrainFactory.GetLiveTopology().GetViewAsync();
        var everywhere = view.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var subtree = SubtreeFork.Subtree(view, request.RootId);
        var fork = new SubtreeFork(GrainFactory, _options.ForkParallelism);
        var read = subtree.Count == 0
            ? new ForkedSubtree(request.RootId, subtree, new Dictionary<string, Abstractions.Twins.TwinSnapshot>(), Clock.GetUtcNow(), [])
            : await fork.ReadAsync(request.RootId, subtree, view, Clock.GetUtcNow());
        problems = RequestCheck.Against(request, read, everywhere);
        if (problems.Count > 0) return Refused(problems);

        var lifetime = _options.Lifetime;
        var createdAt = DateTimeOffset.UtcNow;
        var expiresAt = createdAt + lifetime;
        var admission = GrainFactory.GetGrain<IScenarioAdmissionGrain>(0);
        if (!await admission.TryAdmitAsync(ScenarioId, expiresAt, _options.MaxConcurrent))
        {
            return Refuse(ScenarioProblemCodes.TooManyScenarios,
                $"{_options.MaxConcurrent} scenarios are held already (the limit, {ScenarioOptions.SectionName}:MaxConcurrent); end one or wait for it to expire.");
        }
        _ran = true;
        _root = new TwinRef(request.RootId, everywhere[request.RootId].Kind);
        await AnnounceAsync("forking", $"forking {subtree.Count} twins under {request.RootId}");
        await ServiceProvider.RecordAuditAsync(AuditActions.ScenarioRun, request.RootId, Describe(request));
        var work = ForkAndAnswerAsync(fork, read, request, forkClock, lifetime, createdAt, expiresAt);
        if (await Task.WhenAny(work, Task.Delay(_options.RunTimeout)) != work)
        {
            logger.LogWarning("Scenario {Scenario} took longer than {Timeout}; cleaning up", ScenarioId, _options.RunTimeout);
            _shadows = read.Snapshots.Values.Select(s => new TwinRef(s.Spec.Id, s.Spec.Kind)).Concat(_shadows).Distinct().ToList();
            await AnnounceAsync("failed", $"took longer than {_options.RunTimeout.TotalSeconds:0} s");
            await EndAsync();
            return Refuse(ScenarioProblemCodes.TimedOut, $"The scenario took longer than {_options.RunTimeout.TotalSeconds:0} s and was cleaned up.");
        }
        try
        {
            _answer = await work;
        }
        catch (Exception error)
        {
            await AnnounceAsync("failed", error.Message);
            _shadows = read.Snapshots.Values.Select(s => new TwinRef(s.Spec.Id, s.Spec.Kind)).Concat(_shadows).Distinct().ToList();
            await EndAsync();
            throw;
        }
        _expiry = this.RegisterGrainTimer(_ => EndAsync(), new GrainTimerCreationOptions(lifetime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        logger.LogInformation("Scenario {Scenario} on {Root}: first limit {FirstLimit} s, fork {ForkMs} ms, simulate {SimulateMs} ms",
            ScenarioId, request.RootId, _answer.FirstLimitS, _answer.Timings.ForkMs, _answer.Timings.SimulateMs);
        await AnnounceAsync("answered", _answer.FirstLimitS is { } first
            ? $"first limit after {first:0} s, {_answer.Racks.Count} racks" : $"no limit reached, {_answer.Racks.Count} racks");
        return new ScenarioOutcome(_answer, []);
    }

    private async Task<ScenarioAnswer> ForkAndAnswerAsync(SubtreeFork fork, ForkedSubtree read, ScenarioRequest request, Stopwatch forkClock,
        TimeSpan lifetime, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        // The history for calibration is read while the shadows are seeded (both only read live twins), unless every
        // room's recent calibration can be reused.
        var cache = ServiceProvider.GetService<RoomCalibrationCache>();
        var rooms = read.Entries.Values.Where(e => e.Kind == TwinKind.Room).Select(e => e.Id).ToList();
        var histories = cache is not null && cache.HasFresh(rooms, read.AsOf, _options.CalibrationMaxAge)
            ? Task.FromResult<IReadOnlyDictionary<string, Models.Thermal.ThermalHistory>>(new Dictionary<string, Models.Thermal.ThermalHistory>())
            : CalibrationHistory.ReadAsync(GrainFactory, read.Entries, read.AsOf, _options.CalibrationWindow, _options.ForkParallelism);
        _shadows = await fork.SeedAsync(read, ScenarioId, lifetime);
        var history = await histories;
        var added = await ShadowPerturbation.ApplyAsync(GrainFactory, read, request, ScenarioId, lifetime, Clock.GetUtcNow());
        _shadows = [.. _shadows, .. added];
        forkClock.Stop();
        return ScenarioAnalysis.Answer(ScenarioId, read, history, request, _options, forkClock.Elapsed.TotalMilliseconds, _shadows.Count, createdAt, expiresAt, cache);
    }

    /// <inheritdoc />
    public Task<ScenarioAnswer?> GetAnswerAsync() => Task.FromResult(_answer);

    /// <inheritdoc />
    public async Task EndAsync()
    {
        _expiry?.Dispose();
        _expiry = null;
        var shadows = _shadows;
        _shadows = [];
        _answer = null;
        if (shadows.Count > 0) await new SubtreeFork(GrainFactory, _options.ForkParallelism).ReleaseAsync(shadows, ScenarioId);
        if (_ran) await GrainFactory.GetGrain<IScenarioAdmissionGrain>(0).ReleaseAsync(ScenarioId);
        if (_root is not null) await AnnounceAsync("ended", "shadows released");
        _root = null;
        DeactivateOnIdle();
    }

    /// <summary>
    /// Publishes the run's progress on its scenario stream and the fleet's scenario stream. Best effort: a run never
    /// fails because nobody could be told.
    /// </summary>
    private async Task AnnounceAsync(string step, string detail)
    {
        if (_root is not { } root) return;
        var feed = ChangeFeed.For(ServiceProvider);
        var change = new TwinChange(root.Id, root.Kind, TwinChangeKind.Scenario, Clock.GetUtcNow(), HealthStatus.Unknown,
            Detail: $"{step}: {detail}", ScenarioId: ScenarioId);
        try
        {
            await Task.WhenAll(feed.PublishAsync(TwinChangeStreams.ForScenario(ScenarioId), change),
                feed.PublishAsync(TwinChangeStreams.ForKind(TwinChangeKind.Scenario), change));
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Scenario {Scenario} could not publish its progress ({Step})", ScenarioId, step);
        }
    }

    private static ScenarioOutcome Refuse(string code, string message) => ScenarioOutcome.Refused([new ScenarioProblem(code, message)]);

    private ScenarioOutcome Refused(List<ScenarioProblem> problems)
    {
        logger.LogInformation("Scenario {Scenario} refused: {Problems}", ScenarioId, string.Join("; ", problems));
        return ScenarioOutcome.Refused(problems);
    }

    private string Describe(ScenarioRequest r) =>
        $"scenario {ScenarioId}: fail [{string.Join(",", r.Fail ?? [])}] paths [{string.Join(",", r.FailPaths ?? [])}], " +
        $"{r.AddRacks?.Count ?? 0} added rack(s), {r.Loads?.Count ?? 0} load change(s), {r.Cracs?.Count ?? 0} CRAC setting(s), " +
        FormattableString.Invariant($"horizon {r.HorizonS:0} s");
}
