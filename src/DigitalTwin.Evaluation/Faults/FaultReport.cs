using System.Globalization;

namespace DigitalTwin.Evaluation.Faults;

/// <summary>The twin judged against a run's injected faults (definitions in <see cref="FaultScoring"/>).</summary>
/// <param name="Kinds">Per fault kind, ordered by kind.</param>
/// <param name="Outcomes">Per fault.</param>
/// <param name="CauseJudged">Detected faults whose first alert could be judged (it joined an incident or should have).</param>
/// <param name="CauseRight">Of those, the ones whose incident named the right cause and twin.</param>
/// <param name="FalseAlerts">Alerts no fault explains, raised in the scored period.</param>
/// <param name="FaultFreeTwinDays">Twin-days of reporting twins outside every fault's reach in the scored period.</param>
/// <param name="FalseActions">Twins given a maintenance action that no fault explains.</param>
public sealed record FaultReport(
    IReadOnlyList<FaultKindScore> Kinds,
    IReadOnlyList<FaultOutcome> Outcomes,
    int CauseJudged,
    int CauseRight,
    IReadOnlyList<ObservedAlert> FalseAlerts,
    double FaultFreeTwinDays,
    IReadOnlyList<ObservedPrediction> FalseActions)
{
    /// <summary>Faults injected.</summary>
    public int Injected => Outcomes.Count;

    /// <summary>Faults detected.</summary>
    public int Detected => Outcomes.Count(o => o.Detected);

    /// <summary>Detected over injected (NaN when nothing was injected).</summary>
    public double Recall => Injected == 0 ? double.NaN : (double)Detected / Injected;

    /// <summary>Median lead over every degradation injected (0 for one not predicted in time); NaN when there were none.</summary>
    public double MedianLeadH => FaultScoring.Median(Outcomes.Where(o => o.LeadH is not null).Select(o => o.LeadH!.Value));

    /// <summary>Right causes over judged ones (NaN when none was judged).</summary>
    public double CauseAccuracy => CauseJudged == 0 ? double.NaN : (double)CauseRight / CauseJudged;

    /// <summary>False alerts per 100 fault-free twin-days (NaN without fault-free time).</summary>
    public double FalseAlertsPer100TwinDays => FaultFreeTwinDays <= 0 ? double.NaN : FalseAlerts.Count * 100 / FaultFreeTwinDays;

    /// <summary>The printed lines: one <c>FAULTS-KIND</c> per kind, then <c>FAULTS</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var k in Kinds)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"FAULTS-KIND kind={k.Kind} injected={k.Injected} detected={k.Detected} median_delay_s={Number(k.MedianDelayS, "F0")} median_lead_h={Number(k.MedianLeadH, "F1")}");
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"FAULTS injected={Injected} detected={Detected} recall={Number(Recall, "F2")} median_lead_h={Number(MedianLeadH, "F1")} cause_accuracy={Number(CauseAccuracy, "F2")} false_alerts_per_100_twin_days={Number(FalseAlertsPer100TwinDays, "F2")}");
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);
}
