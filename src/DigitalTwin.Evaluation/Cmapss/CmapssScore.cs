namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>Root mean square error and NASA score of <see cref="Count"/> remaining-life predictions.</summary>
public sealed record CmapssScore(double Rmse, double NasaScore, int Count);
