namespace DigitalTwin.Models.Capacity;

/// <summary>The kind of server to fit: what it draws and how many rack units it takes.</summary>
/// <param name="PowerW">Its power at the load planned for, W.</param>
/// <param name="SizeU">Rack units it occupies.</param>
public sealed record ServerProfile(double PowerW, int SizeU = 1);
