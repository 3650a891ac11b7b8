namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>Scores on training engines held out whole, over <see cref="Engines"/> engines in <see cref="Folds"/> folds.</summary>
public sealed record CmapssValidationResult(CmapssScore Score, int Engines, int Folds, CmapssScore BaselineScore);
