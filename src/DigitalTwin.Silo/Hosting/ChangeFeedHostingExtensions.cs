using DigitalTwin.Abstractions.Changes;
using Orleans.Configuration;

namespace DigitalTwin.Silo.Hosting;

/// <summary>The change feeds: Orleans memory streams named <see cref="TwinChangeStreams.ProviderName"/>.</summary>
public static class ChangeFeedHostingExtensions
{
    /// <summary>
    /// Adds the memory stream provider the twins publish on, and the in-memory pub-sub store it keeps subscriptions in.
    /// Memory streams keep nothing across a restart; subscribers catch up from snapshots (see the README).
    /// </summary>
    public static ISiloBuilder AddTwinChangeFeeds(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(TwinChangeStreams.PubSubStorageName);
        silo.AddMemoryStreams(TwinChangeStreams.ProviderName, streams =>
        {
            // Delivered changes are never replayed (a subscriber reads a snapshot), so the cache only has to hold a
            // change until the pulling agent hands it to the subscribers: thirty seconds, not the default half hour of a
            // whole fleet's changes. The cache purges by age relative to its newest change, so after a burst it keeps
            // the burst's last max-age of changes: two minutes held 36 MB after dt fuzz's million cases (each twin's
            // change is carried on its own, its containers' and its kind's streams), thirty seconds about a quarter.
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = TimeSpan.FromSeconds(10);
                o.DataMaxAgeInCache = TimeSpan.FromSeconds(30);
            }));
            // The pulling agent must forget an idle stream before the cache purges that stream's last event: otherwise
            // its cursor points at purged data and a new subscriber of that stream gets a cache miss and nothing more
            // (dotnet/orleans#7304; seen here with a one-minute cache and the default 30-minute inactivity period).
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.StreamInactivityPeriod = TimeSpan.FromSeconds(20)));
        });
        return silo;
    }
}
