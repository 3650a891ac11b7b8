namespace DigitalTwin.Models.Power;

/// <summary>
/// How a load is supplied under an outage.
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="PowerW">What it draws, W.</param>
/// <param name="LiveInputs">Its inputs still live.</param>
/// <param name="Inputs">All its inputs.</param>
public sealed record LoadSupply(string Id, double PowerW, IReadOnlyList<PowerLink> LiveInputs, IReadOnlyList<PowerLink> Inputs)
{
    /// <summary>True while at least one input is live.</summary>
    public bool Powered => LiveInputs.Count > 0;

    /// <summary>True while live inputs on two or more different paths remain (it survives losing one).</summary>
    public bool Redundant => LiveInputs.Select(i => i.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2;
}
