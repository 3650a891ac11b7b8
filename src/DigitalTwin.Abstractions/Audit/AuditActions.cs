namespace DigitalTwin.Abstractions.Audit;

/// <summary>The actions the audit trail records. New kinds of action add a name here, in the same dotted form.</summary>
public static class AuditActions
{
    /// <summary>A topology document was imported.</summary>
    public const string TopologyImport = "topology.import";

    /// <summary>One twin was added.</summary>
    public const string TopologyAdd = "topology.add";

    /// <summary>A twin was moved under another parent.</summary>
    public const string TopologyMove = "topology.move";

    /// <summary>A twin (and its subtree) was removed.</summary>
    public const string TopologyRemove = "topology.remove";

    /// <summary>A command was sent to a device (or refused before sending).</summary>
    public const string CommandSend = "command.send";

    /// <summary>An alert was acknowledged.</summary>
    public const string AlertAcknowledge = "alert.acknowledge";

    /// <summary>An incident was acknowledged.</summary>
    public const string IncidentAcknowledge = "incident.acknowledge";

    /// <summary>A what-if scenario was run.</summary>
    public const string ScenarioRun = "scenario.run";

    /// <summary>A recommendation (for example a cooling change) was approved.</summary>
    public const string RecommendationApprove = "recommendation.approve";

    /// <summary>An applied change was rolled back.</summary>
    public const string Rollback = "rollback";

    /// <summary>A sign-in (password or token request) failed.</summary>
    public const string SignInFailure = "signin.failure";

    /// <summary>The silo's settings changed (found at start-up, compared with the last recorded ones).</summary>
    public const string SettingsChange = "settings.change";
}
