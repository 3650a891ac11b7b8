namespace DataCentreSimulator.Plant;

/// <summary>A power distribution unit on one feed path.</summary>
internal sealed class Pdu(string id, double capacityW, string path) : PowerNode(id, capacityW, path)
{
    public override bool IsLive => !Failed && (Upstream?.IsLive ?? true);

    public override double InputVoltage => Upstream?.IsLive ?? true ? NominalVoltage : 0;
}
