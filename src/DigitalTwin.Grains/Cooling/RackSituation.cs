using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Cooling;

/// <summary>One rack: where it stands, its IT power and highest inlet from its rollup, its inlet limit and cooling list.</summary>
public sealed record RackSituation(
    string RackId,
    RackPosition? Position,
    double ItPowerW,
    double? MaxInletC,
    double InletLimitC,
    IReadOnlyList<string> Cooling,
    int ServerCount);
