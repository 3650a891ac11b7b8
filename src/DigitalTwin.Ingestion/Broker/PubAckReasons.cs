using DigitalTwin.Abstractions.Telemetry;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Broker;

/// <summary>How a rejection reason shows in an MQTT 5 PUBACK.</summary>
public static class PubAckReasons
{
    /// <summary>The PUBACK reason code for a rejection reason.</summary>
    public static MqttPubAckReasonCode For(string reason) => reason switch
    {
        RejectionReasons.Malformed or RejectionReasons.WrongType or RejectionReasons.NotFinite or RejectionReasons.BadMetricName
            or RejectionReasons.FutureTimestamp or RejectionReasons.StaleTimestamp => MqttPubAckReasonCode.PayloadFormatInvalid,
        RejectionReasons.BadTopic => MqttPubAckReasonCode.TopicNameInvalid,
        RejectionReasons.NotAuthorized => MqttPubAckReasonCode.NotAuthorized,
        RejectionReasons.Oversized or RejectionReasons.TooManyMetrics or RejectionReasons.Overloaded => MqttPubAckReasonCode.QuotaExceeded,
        _ => MqttPubAckReasonCode.ImplementationSpecificError,
    };
}
