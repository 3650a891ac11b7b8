using DigitalTwin.Ingestion.Security;

namespace DigitalTwin.Ingestion.Configuration;

/// <summary>The <c>DigitalTwin:Mqtt</c> section: how telemetry comes in and who may send it.</summary>
public sealed class MqttIngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DigitalTwin:Mqtt";

    /// <summary>
    /// Whether clients may connect to the embedded broker without credentials. Off by default; the silo's demo mode
    /// turns it on. Anonymous clients may publish for any twin.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>When a QoS 1 telemetry message is acknowledged: once applied (default) or once durable.</summary>
    public AcknowledgementMode AckMode { get; set; } = AcknowledgementMode.Applied;

    /// <summary>The embedded broker inside the silo.</summary>
    public EmbeddedBrokerOptions Broker { get; set; } = new();

    /// <summary>The optional connection to an external broker (mosquitto, EMQX, HiveMQ) through a shared subscription.</summary>
    public ExternalBrokerOptions External { get; set; } = new();

    /// <summary>Limits that protect the silo from oversized or hostile input.</summary>
    public IngestionLimits Limits { get; set; } = new();

    /// <summary>Where refused messages are reported.</summary>
    public DeadLetterOptions DeadLetter { get; set; } = new();

    /// <summary>Device credentials and the twins each device may publish for.</summary>
    public List<DeviceCredential> Devices { get; set; } = [];

    /// <summary>
    /// The shortest pause between two reloads of the twin directory caused by unknown twin ids, so that a flood of
    /// made-up ids costs at most one topology call per interval.
    /// </summary>
    public TimeSpan UnknownTwinRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the cached twin directory checks the topology's version for changes.</summary>
    public TimeSpan TopologyPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the embedded broker routes <c>sim/#</c> (a data-centre simulator's control topics, such as fault
    /// injection on <c>sim/faults</c>) to its subscribers. Off by default, so a production broker refuses them as
    /// <c>bad_topic</c>; the demo and the evaluations, which run the simulator, turn it on.
    /// </summary>
    public bool ForwardSimulationTopics { get; set; }

    /// <summary>How collectd's MQTT topics map to twins and metric names.</summary>
    public CollectdMappingOptions Collectd { get; set; } = new();
}
