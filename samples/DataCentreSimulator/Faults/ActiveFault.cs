namespace DataCentreSimulator.Faults;

/// <summary>A fault that has begun: its spec, its id in the truth file, and when it fails or ends.</summary>
internal sealed class ActiveFault(string id, FaultSpec spec, double startS)
{
    public string Id { get; } = id;
    public FaultSpec Spec { get; } = spec;
    public double StartS { get; } = startS;

    /// <summary>When a degradation makes its part fail, simulated seconds.</summary>
    public double? FailAtS => FaultKinds.IsDegradation(Spec.Kind) ? StartS + (Spec.RampS ?? 0) : null;

    /// <summary>When a sudden fault ends, simulated seconds; null if it lasts.</summary>
    public double? EndS => Spec.DurationS is { } d ? StartS + d : null;

    /// <summary>Whether the failure instant has been reached and recorded.</summary>
    public bool FailureRecorded { get; set; }

    /// <summary>The reading held by a stuck sensor.</summary>
    public double? HeldValue { get; set; }
}
