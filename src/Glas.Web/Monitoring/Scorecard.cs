namespace Glas.Web.Monitoring;

public enum ScoreStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

/// <summary>
/// The scorecard: how far each indicator has moved toward its target and each measure has
/// progressed, against the share of its time that has passed. A shortfall of at most 10
/// percentage points is on track, at most 25 at risk, more off track; a target reached is on
/// track however early; a period ended short of the target is off track.
/// </summary>
public static class Scorecard
{
    public const decimal OnTrackGap = 0.10m;
    public const decimal AtRiskGap = 0.25m;

    /// <summary>The share (0–1, may exceed either end) of the way from baseline to target that <paramref name="value"/> has come.</summary>
    public static decimal? Achieved(decimal baseline, decimal target, decimal value) =>
        target == baseline ? null : (value - baseline) / (target - baseline);

    public static bool Reached(IndicatorDirection direction, decimal target, decimal value) =>
        direction == IndicatorDirection.HigherIsBetter ? value >= target : value <= target;

    /// <summary>An indicator's status from its newest value (<paramref name="latest"/>), in <paramref name="currentYear"/>.</summary>
    public static ScoreStatus Indicator(IndicatorDirection direction, decimal baseline, int baselineYear, decimal target, int targetYear,
        (int Year, decimal Value)? latest, int currentYear)
    {
        if (latest is not { } last)
        {
            return ScoreStatus.NoData;
        }
        if (Reached(direction, target, last.Value))
        {
            return ScoreStatus.OnTrack;
        }
        if (currentYear > targetYear || last.Year >= targetYear)
        {
            return ScoreStatus.OffTrack;
        }
        var achieved = Achieved(baseline, target, last.Value) ?? 0m;
        var span = targetYear - baselineYear;
        var expected = span <= 0 ? 1m : Math.Clamp((decimal)(last.Year - baselineYear) / span, 0m, 1m);
        return FromGap(expected - achieved);
    }

    /// <summary>A measure's status on <paramref name="today"/>; a cancelled measure counts as no data.</summary>
    public static ScoreStatus Measure(MeasureStatus status, int progress, DateOnly start, DateOnly end, DateOnly today)
    {
        switch (status)
        {
            case MeasureStatus.Cancelled:
                return ScoreStatus.NoData;
            case MeasureStatus.Completed:
                return ScoreStatus.OnTrack;
        }
        if (progress >= 100)
        {
            return ScoreStatus.OnTrack;
        }
        if (today > end)
        {
            return ScoreStatus.OffTrack;
        }
        var days = end.DayNumber - start.DayNumber;
        var elapsed = days <= 0 ? (today >= start ? 1m : 0m) : Math.Clamp((decimal)(today.DayNumber - start.DayNumber) / days, 0m, 1m);
        var result = FromGap(elapsed - progress / 100m);
        // The official's own word that it is late is never overruled into "on track".
        return status == MeasureStatus.Delayed && result == ScoreStatus.OnTrack ? ScoreStatus.AtRisk : result;
    }

    /// <summary>Goals and policies: on track when at least three quarters of what has data is, at risk from a half, otherwise off track.</summary>
    public static ScoreStatus RollUp(IEnumerable<ScoreStatus> parts)
    {
        var known = parts.Where(p => p != ScoreStatus.NoData).ToList();
        if (known.Count == 0)
        {
            return ScoreStatus.NoData;
        }
        var onTrack = (decimal)known.Count(p => p == ScoreStatus.OnTrack) / known.Count;
        return onTrack >= 0.75m ? ScoreStatus.OnTrack : onTrack >= 0.5m ? ScoreStatus.AtRisk : ScoreStatus.OffTrack;
    }

    private static ScoreStatus FromGap(decimal gap) =>
        gap <= OnTrackGap ? ScoreStatus.OnTrack : gap <= AtRiskGap ? ScoreStatus.AtRisk : ScoreStatus.OffTrack;
}
