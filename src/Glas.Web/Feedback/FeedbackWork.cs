using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>
/// An official's work on feedback: the open reports assigned to them, and the open reports nobody
/// is assigned to yet, each by its АПК deadline (overdue first).
/// </summary>
public static class FeedbackWork
{
    /// <summary>A decision due within this many days is „скоро“.</summary>
    public const int SoonDays = 7;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<FeedbackText>>();
        var open = db.FeedbackReports.AsNoTracking()
            .Where(r => r.Status == FeedbackStatus.Received || r.Status == FeedbackStatus.Assigned || r.Status == FeedbackStatus.InProgress);
        var groups = new List<WorkGroup>();
        var me = who.UserId;
        foreach (var (key, reports, seeAll) in new[]
        {
            ("feedback-mine", open.Where(r => r.AssigneeUserId == me), $"/feedback/inbox?assignee={me}"),
            ("feedback-unassigned", open.Where(r => r.AssigneeUserId == null), "/feedback/inbox"),
        })
        {
            var total = await reports.CountAsync(ct);
            if (total == 0)
            {
                continue;
            }
            var rows = await reports.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(WorkGroup.Shown)
                .Select(r => new { r.Id, r.Number, r.Title, r.Kind, r.DueAt }).ToListAsync(ct);
            groups.Add(new WorkGroup(key, t["Work." + key], total, rows.Select(r => ToTask(r.Id, r.Number, r.Title, r.Kind, r.DueAt, who.Now, t)).ToList(), seeAll));
        }
        return groups;
    }

    private static WorkTask ToTask(Guid id, string number, string title, FeedbackKind kind, DateTimeOffset due, DateTimeOffset now, IStringLocalizer<FeedbackText> t)
    {
        var left = FeedbackDeadlines.DaysLeft(due, now);
        return new WorkTask(title, $"/feedback/{id}/manage", t["Work.Note", number, t["Kind." + kind]], FeedbackDeadlines.SofiaDate(due),
            Math.Max(0, -left), Urgency: Urgency(due, now));
    }

    /// <summary>Overdue once the decision's day has passed in Sofia; „скоро“ in the last week before it.</summary>
    public static WorkUrgency Urgency(DateTimeOffset due, DateTimeOffset now) =>
        now > due ? WorkUrgency.Overdue
        : FeedbackDeadlines.DaysLeft(due, now) <= SoonDays ? WorkUrgency.Soon
        : WorkUrgency.Normal;
}
