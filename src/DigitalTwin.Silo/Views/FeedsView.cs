namespace DigitalTwin.Silo.Views;

/// <summary>Power per feed with headroom (<c>GET /api/views/feeds/{dataCentreId}</c>): each path's totals, then every UPS and PDU.</summary>
public sealed record FeedsView(string DataCentreId, IReadOnlyList<PathLoad> Paths, IReadOnlyList<FeedLoad> Feeds, DateTimeOffset AsOf);
