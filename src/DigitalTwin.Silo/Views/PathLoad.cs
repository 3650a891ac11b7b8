namespace DigitalTwin.Silo.Views;

/// <summary>
/// One power path (<c>A</c>, <c>B</c>) at its sources nearest the utility (the feeds nothing else in the data centre
/// feeds): their summed load, capacity and headroom. If the other path fails, this one must carry both loads.
/// </summary>
public sealed record PathLoad(string Path, int Sources, double LoadW, double CapacityW, double HeadroomW);
