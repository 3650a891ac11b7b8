using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Tests.RemainingLife;

public sealed class SharedDeclineTests
{
    [Fact]
    public void Fans_slowing_in_proportion_with_their_siblings_share_the_fall()
    {
        // Two fans of different top speed halved by one controller: equal relative paces.
        var judged = SharedDecline.Judge(new WearTrend(3100, -520), [new WearTrend(2900, -480)], DegradationDirection.Falling);

        Assert.NotNull(judged);
        Assert.InRange(judged.Value.Share, 0.95, 1.05);
        Assert.Contains("1 sibling moved alike", judged.Value.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fan_losing_speed_faster_than_its_siblings_is_its_own_wear()
    {
        // The common fall is a third of this fan's pace: its own loss dominates.
        Assert.Null(SharedDecline.Judge(new WearTrend(4000, -600), [new WearTrend(5000, -250), new WearTrend(5200, -240)], DegradationDirection.Falling));
        // Siblings holding or speeding up leave the fan's fall its own.
        Assert.Null(SharedDecline.Judge(new WearTrend(4000, -300), [new WearTrend(5000, 40)], DegradationDirection.Falling));
    }

    [Fact]
    public void Siblings_at_rest_or_a_part_moving_away_from_failure_give_no_verdict()
    {
        Assert.Null(SharedDecline.Judge(new WearTrend(4000, -300), [new WearTrend(0, 0)], DegradationDirection.Falling));
        Assert.Null(SharedDecline.Judge(new WearTrend(4000, -300), [], DegradationDirection.Falling));
        Assert.Null(SharedDecline.Judge(new WearTrend(4000, 300), [new WearTrend(4000, 300)], DegradationDirection.Falling));
        // Rising signals compare the other way: both rising together is shared.
        Assert.NotNull(SharedDecline.Judge(new WearTrend(60, 2), [new WearTrend(55, 1.8)], DegradationDirection.Rising));
    }
}
