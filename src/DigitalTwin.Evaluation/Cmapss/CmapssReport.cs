namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>
/// What a C-MAPSS run produced: one predicted remaining life per test unit (in file order), the cross-validation on
/// training engines, and the score on the true test RULs when they were supplied.
/// </summary>
public sealed record CmapssReport(IReadOnlyList<double> Predictions, CmapssValidationResult Validation, CmapssScore? TestScore);
