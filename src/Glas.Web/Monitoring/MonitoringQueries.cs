using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>An indicator with its current values (oldest year first) and status.</summary>
public sealed record IndicatorCard(PolicyIndicator Indicator, IReadOnlyList<IndicatorValue> Values, ScoreStatus Status)
{
    public IndicatorValue? Latest => Values.Count == 0 ? null : Values[^1];
}

public sealed record MeasureCard(PolicyMeasure Measure, ScoreStatus Status);

public sealed record GoalCard(PolicyGoal Goal, IReadOnlyList<MeasureCard> Measures, IReadOnlyList<IndicatorCard> Indicators, ScoreStatus Status);

/// <summary>A policy as its page shows it: goals, measures, indicators with values, and the scorecard.</summary>
public sealed record PolicyCard(Policy Policy, IReadOnlyList<GoalCard> Goals, ScoreStatus Status)
{
    public IEnumerable<ScoreStatus> All => Goals.SelectMany(g => g.Measures.Select(m => m.Status).Concat(g.Indicators.Select(i => i.Status)));
}

public static class MonitoringQueries
{
    public const int PageSize = 20;

    /// <summary>The policy with everything under it, in four queries whatever its size; null when not in this administration.</summary>
    public static async Task<PolicyCard?> CardAsync(GlasDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return null;
        }
        var goals = await db.PolicyGoals.AsNoTracking().Where(g => g.PolicyId == id).OrderBy(g => g.Position).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var measures = await db.PolicyMeasures.AsNoTracking().Where(m => goalIds.Contains(m.GoalId)).OrderBy(m => m.Position).ToListAsync(ct);
        var indicators = await db.PolicyIndicators.AsNoTracking().Where(i => goalIds.Contains(i.GoalId)).OrderBy(i => i.Position).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var values = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId) && v.ReplacedAt == null).OrderBy(v => v.Year).ToListAsync(ct))
            .ToLookup(v => v.IndicatorId);
        var cards = goals.Select(g =>
        {
            var ms = measures.Where(m => m.GoalId == g.Id)
                .Select(m => new MeasureCard(m, Scorecard.Measure(m.Status, m.Progress, m.PlannedStart, m.PlannedEnd, today))).ToList();
            var inds = indicators.Where(i => i.GoalId == g.Id).Select(i =>
            {
                var vs = values[i.Id].ToList();
                (int, decimal)? latest = vs.Count == 0 ? null : (vs[^1].Year, vs[^1].Value);
                return new IndicatorCard(i, vs, Scorecard.Indicator(i.Direction, i.BaselineValue, i.BaselineYear, i.TargetValue, i.TargetYear, latest, today.Year));
            }).ToList();
            return new GoalCard(g, ms, inds, Scorecard.RollUp(ms.Select(m => m.Status).Concat(inds.Select(i => i.Status))));
        }).ToList();
        return new PolicyCard(policy, cards, Scorecard.RollUp(cards.SelectMany(c => c.Measures.Select(m => m.Status).Concat(c.Indicators.Select(i => i.Status)))));
    }

    /// <summary>The tracker's filter; every value has been checked.</summary>
    public sealed record RecommendationFilter(string? Stage, RecommendationSource? Source, Guid? PolicyId, int? Year, string? Unit);

    public static IQueryable<Recommendation> Filtered(GlasDbContext db, RecommendationFilter f)
    {
        var q = db.Recommendations.AsNoTracking();
        q = f.Stage switch
        {
            "AwaitingAnswer" => q.Where(r => r.Answer == AnswerStatus.Pending),
            "NotAccepted" => q.Where(r => r.Answer == AnswerStatus.NotAccepted),
            "Planned" => q.Where(r => (r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted) && r.Implementation == ImplementationStatus.Planned),
            "InProgress" => q.Where(r => (r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted) && r.Implementation == ImplementationStatus.InProgress),
            "Implemented" => q.Where(r => (r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted) && r.Implementation == ImplementationStatus.Implemented),
            "NotImplemented" => q.Where(r => (r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted) && r.Implementation == ImplementationStatus.NotImplemented),
            _ => q,
        };
        if (f.Source is { } source)
        {
            q = q.Where(r => r.Source == source);
        }
        if (f.PolicyId is { } policy)
        {
            q = q.Where(r => r.PolicyId == policy);
        }
        if (f.Year is { } year)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = from.AddYears(1);
            q = q.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        }
        if (f.Unit is { Length: > 0 } unit)
        {
            q = q.Where(r => r.AddresseeUnit == unit);
        }
        return q;
    }

    /// <summary>How many recommendations the filter matches per public stage.</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(IQueryable<Recommendation> q, CancellationToken ct) =>
        (await q.GroupBy(r => new { r.Answer, r.Implementation }).Select(g => new { g.Key.Answer, g.Key.Implementation, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(x => RecommendationRules.Stage(x.Answer, x.Implementation))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
}
