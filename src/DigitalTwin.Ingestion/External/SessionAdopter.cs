using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using Orleans.Runtime;

namespace DigitalTwin.Ingestion.External;

/// <summary>
/// Makes a dead silo's share of the external broker's messages reach a live silo. A broker such as mosquitto keeps
/// the unacknowledged and queued messages of a shared-subscription member in that member's session, and hands them
/// to nobody else. So when the cluster declares a silo dead (and no silo runs again on its endpoint), exactly one
/// live silo — the one with the lowest address — connects with the dead silo's client id, applies and acknowledges
/// what the session holds exactly as <see cref="ExternalBrokerClient"/> would, and then ends the session
/// (<see cref="ExternalSession.EndAsync"/>) so the broker stops queuing for it. Runs only inside a silo, with the external broker
/// enabled and client ids left to their derived default.
/// </summary>
public sealed class SessionAdopter : BackgroundService
{
    private readonly ExternalBrokerOptions _options;
    private readonly TelemetryPipeline _pipeline;
    private readonly IngestionStatistics _statistics;
    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails? _silo;
    private readonly ILogger<SessionAdopter> _logger;

    /// <summary>Creates the adopter; it watches the membership once started.</summary>
    public SessionAdopter(IOptions<MqttIngestionOptions> options, TelemetryPipeline pipeline, IngestionStatistics statistics, IGrainFactory grains,
        ILogger<SessionAdopter> logger, ILocalSiloDetails? silo = null)
    {
        _options = options.Value.External;
        _pipeline = pipeline;
        _statistics = statistics;
        _grains = grains;
        _logger = logger;
        _silo = silo;
    }

    /// <summary>
    /// The dead silos whose sessions <paramref name="self"/> should adopt, given every silo's status: none unless
    /// <paramref name="self"/> is the live silo with the lowest address (so exactly one silo acts); and never a dead
    /// silo whose endpoint a silo is running on again, since that silo owns the session (same client id).
    /// </summary>
    public static IReadOnlyList<SiloAddress> DeadSessionsFor(SiloAddress self, IReadOnlyDictionary<SiloAddress, SiloStatus> members)
    {
        var chosen = members.Where(m => m.Value == SiloStatus.Active).Select(m => m.Key)
            .OrderBy(a => a.ToParsableString(), StringComparer.Ordinal).FirstOrDefault();
        if (chosen is null || !chosen.Equals(self)) return [];
        var running = members.Where(m => m.Value != SiloStatus.Dead).Select(m => m.Key.Endpoint).ToHashSet();
        return members.Where(m => m.Value == SiloStatus.Dead && !running.Contains(m.Key.Endpoint)).Select(m => m.Key)
            .OrderBy(a => a.ToParsableString(), StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || !_options.AdoptDeadSessions || _silo is null) return;
        if (_options.ClientId is not null)
        {
            _logger.LogInformation("External-broker sessions of dead silos are not adopted: the client id is set explicitly, so peers cannot derive it");
            return;
        }
        var management = _grains.GetGrain<IManagementGrain>(0);
        // Dead silos already adopted (or found to hold nothing), pruned to those the membership still lists.
        var done = new HashSet<SiloAddress>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.AdoptionPollInterval, stoppingToken).ConfigureAwait(false);
                Dictionary<SiloAddress, SiloStatus> members;
                try
                {
                    members = await management.GetHosts(onlyActive: false).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogDebug(ex, "Cannot read the cluster membership");
                    continue;
                }
                done.IntersectWith(members.Keys);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var dead in DeadSessionsFor(_silo.SiloAddress, members))
                {
                    if (done.Contains(dead)) continue;
                    var clientId = ExternalSession.ClientIdFor(_options, dead.Endpoint);
                    // Two dead generations on one endpoint share a session: adopting it once covers both.
                    if (!seen.Add(clientId) || await AdoptAsync(clientId, dead, stoppingToken).ConfigureAwait(false)) done.Add(dead);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Drains and ends the session of <paramref name="clientId"/>; false when it should be tried again later.</summary>
    private async Task<bool> AdoptAsync(string clientId, SiloAddress dead, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var receiver = new AppliedAcknowledgement(client, _pipeline, _options.MaxConcurrentMessages, _logger);
        var takenOver = false;
        client.DisconnectedAsync += e =>
        {
            takenOver |= e.Reason == MqttClientDisconnectReason.SessionTakenOver;
            return Task.CompletedTask;
        };
        try
        {
            // The session keeps its expiry while it is read, so that if this silo dies too the next one finds it.
            var result = await client.ConnectAsync(ExternalSession.ConnectOptions(_options, clientId), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                _logger.LogWarning("The external broker refused to let {ClientId} adopt the session of dead silo {Silo}: {Code}", clientId, dead, result.ResultCode);
                return false;
            }
            if (result.IsSessionPresent)
            {
                // No new messages for the group are routed to this session from now on; what it holds is still delivered.
                var unsubscribe = new MqttClientUnsubscribeOptionsBuilder();
                foreach (var filter in ExternalSession.SharedFilters(_options)) unsubscribe = unsubscribe.WithTopicFilter(filter);
                await client.UnsubscribeAsync(unsubscribe.Build(), cancellationToken).ConfigureAwait(false);
                var deadline = DateTime.UtcNow + _options.AdoptionMaxDuration;
                while (client.IsConnected && DateTime.UtcNow < deadline
                    && (receiver.InFlight > 0 || receiver.SinceLastReceived < _options.AdoptionQuietPeriod))
                {
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
                if (!client.IsConnected)
                {
                    receiver.Abort();
                    if (!takenOver)
                    {
                        _logger.LogWarning("Lost the external broker while adopting the session of {ClientId}; trying again later", clientId);
                        return false;
                    }
                    // The dead silo came back under its id and took its session over: it carries on from here.
                    _logger.LogInformation("Stopped adopting the session of {ClientId}: it was taken over (the silo is back?) after {Count} messages",
                        clientId, receiver.Acknowledged);
                    return true;
                }
                await receiver.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                if (receiver.ReconnectWanted || receiver.InFlight > 0)
                {
                    // Something could not be applied: keep the session (plain disconnect) and try again on the next round.
                    receiver.Abort();
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
                    return false;
                }
            }
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
            // Drained and unsubscribed: ending the session loses nothing, and the broker stops queuing the dead silo's
            // share. (Should the dead silo reconnect in the instant between, it is disconnected once and starts afresh.)
            await ExternalSession.EndAsync(_options, clientId, cancellationToken).ConfigureAwait(false);
            if (!result.IsSessionPresent) return true;
            _statistics.SessionAdopted(receiver.Acknowledged);
            _logger.LogInformation("Adopted the external-broker session {ClientId} of dead silo {Silo}: {Count} messages applied, session ended",
                clientId, dead, receiver.Acknowledged);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            receiver.Abort();
            _logger.LogWarning("Cannot adopt the external-broker session {ClientId} of dead silo {Silo}: {Error}", clientId, dead, ex.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            receiver.Abort();
            throw;
        }
    }
}
