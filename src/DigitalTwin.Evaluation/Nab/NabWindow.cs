namespace DigitalTwin.Evaluation.Nab;

/// <summary>One labelled anomaly window of a NAB file: the timestamps of its first and last rows.</summary>
public readonly record struct NabWindow(DateTime Start, DateTime End);
