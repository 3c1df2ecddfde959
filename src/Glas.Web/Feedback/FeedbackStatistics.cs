using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>One row of the dashboard: a month, a category or a department.</summary>
public sealed record FeedbackFigures(string Label, int Received, int Answered, double? MedianDaysToAnswer, double? ShareOnTime, double? Satisfaction, int Ratings);

/// <summary>The dashboard's figures: per month, per category, per department.</summary>
public sealed record FeedbackDashboard(FeedbackFigures Total, IReadOnlyList<FeedbackFigures> Months, IReadOnlyList<FeedbackFigures> Categories, IReadOnlyList<FeedbackFigures> Departments);

public static class FeedbackStatistics
{
    private sealed record Fact(DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, DateTimeOffset DueAt, int? Rating, string CategoryBg, string? Department);

    /// <summary>Median of whole days, or null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static FeedbackFigures Figures(string label, IReadOnlyCollection<Fact> facts)
    {
        var answered = facts.Where(f => f.AnsweredAt is not null).ToList();
        var days = answered.Select(f => (double)(FeedbackDeadlines.SofiaDate(f.AnsweredAt!.Value).DayNumber - FeedbackDeadlines.SofiaDate(f.CreatedAt).DayNumber)).ToList();
        var rated = facts.Where(f => f.Rating is not null).ToList();
        return new FeedbackFigures(label, facts.Count, answered.Count, Median(days),
            answered.Count == 0 ? null : Math.Round(100.0 * answered.Count(f => f.AnsweredAt <= f.DueAt) / answered.Count, 1),
            rated.Count == 0 ? null : Math.Round(rated.Average(f => f.Rating!.Value), 2), rated.Count);
    }

    /// <summary>The administration's figures over the last twelve months (registration in Sofia months).</summary>
    public static async Task<FeedbackDashboard> ComputeAsync(GlasDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var today = FeedbackDeadlines.SofiaDate(now);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var from = Platform.Localization.Formats.FromSofia(firstMonth.ToDateTime(TimeOnly.MinValue));
        var facts = await db.FeedbackReports.AsNoTracking().Where(r => r.CreatedAt >= from)
            .Select(r => new Fact(r.CreatedAt, r.AnsweredAt, r.DueAt, r.Rating, r.Category!.NameBg, r.Department)).ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i))
            .Select(m => Figures(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                facts.Where(f => FeedbackDeadlines.SofiaDate(f.CreatedAt) is var d && d.Year == m.Year && d.Month == m.Month).ToList()))
            .ToList();
        var categories = facts.GroupBy(f => f.CategoryBg).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, g.ToList())).ToList();
        var departments = facts.GroupBy(f => f.Department ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, g.ToList())).ToList();
        return new FeedbackDashboard(Figures("", facts), months, categories, departments);
    }
}
