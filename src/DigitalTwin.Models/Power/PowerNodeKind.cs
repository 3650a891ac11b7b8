namespace DigitalTwin.Models.Power;

/// <summary>What a node of the power chain is.</summary>
public enum PowerNodeKind
{
    /// <summary>A UPS: carries on from its battery when its input is lost.</summary>
    Ups,

    /// <summary>A PDU: dead when its inputs are.</summary>
    Pdu,
}
