namespace DigitalTwin.Models.Power;

/// <summary>
/// Something that draws power: a rack or a server, with the feeds it draws from. A load with several live feeds
/// shares its power equally among them (A/B power supplies), and survives as long as one is live.
/// </summary>
/// <param name="Id">Its twin id.</param>
/// <param name="PowerW">What it draws, W.</param>
/// <param name="Inputs">Its feeds.</param>
public sealed record PowerLoad(string Id, double PowerW, IReadOnlyList<PowerLink> Inputs);
