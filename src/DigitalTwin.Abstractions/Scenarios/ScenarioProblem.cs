namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>One reason a scenario request was refused; <see cref="Code"/> is one of <see cref="ScenarioProblemCodes"/>.</summary>
[GenerateSerializer, Immutable, Alias("dt.ScenarioProblem")]
public sealed record ScenarioProblem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? ElementId = null)
{
    /// <inheritdoc />
    public override string ToString() => ElementId is null ? $"{Code}: {Message}" : $"{ElementId}: {Code}: {Message}";
}

/// <summary>The stable codes of <see cref="ScenarioProblem"/>.</summary>
public static class ScenarioProblemCodes
{
    /// <summary>A twin named by the request does not exist (or is outside the forked subtree).</summary>
    public const string UnknownTwin = "unknown_twin";
    /// <summary>A twin named by the request is of a kind the perturbation does not apply to.</summary>
    public const string WrongKind = "wrong_kind";
    /// <summary>A load, factor, setpoint or fan speed is negative, not finite or outside the unit's rated range.</summary>
    public const string InvalidValue = "invalid_value";
    /// <summary>An added rack's position is taken or impossible.</summary>
    public const string InvalidPosition = "invalid_position";
    /// <summary>The horizon is not positive or longer than seven days.</summary>
    public const string InvalidHorizon = "invalid_horizon";
    /// <summary>The step is below one second or longer than the horizon.</summary>
    public const string InvalidStep = "invalid_step";
    /// <summary>As many scenarios as allowed are already running or held.</summary>
    public const string TooManyScenarios = "too_many_scenarios";
    /// <summary>This scenario id has already run.</summary>
    public const string AlreadyRun = "already_run";
    /// <summary>The run took longer than allowed and was cleaned up.</summary>
    public const string TimedOut = "timed_out";
    /// <summary>Something else is wrong with the request.</summary>
    public const string Invalid = "invalid";
}
