using System.Linq.Expressions;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>
/// An official's work on consultations: their own drafts and scheduled consultations, consultations
/// closed and waiting for their справка (late after 30 days), and the proposals still unanswered.
/// </summary>
public static class ConsultationWork
{
    /// <summary>A report due within this many days is „скоро“.</summary>
    public const int SoonDays = 7;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<ConsultationsText>>();
        var now = who.Now;
        var today = ConsultationLifecycle.TodayInSofia(now);
        var groups = new List<WorkGroup>();

        // My drafts and my scheduled consultations that have not opened yet: the next to open first, then the drafts last touched.
        var mine = db.Consultations.AsNoTracking()
            .Where(c => c.CreatedBy == who.UserId && (c.Status == ConsultationStatus.Draft || (c.Status == ConsultationStatus.Scheduled && c.OpensAt > now)));
        var mineTotal = await mine.CountAsync(ct);
        if (mineTotal > 0)
        {
            var rows = await mine.OrderBy(c => c.Status == ConsultationStatus.Scheduled ? 0 : 1).ThenBy(c => c.OpensAt).ThenByDescending(c => c.UpdatedAt)
                .Take(WorkGroup.Shown).Select(c => new { c.Id, c.Title, c.RegNumber, c.Status, c.OpensOn }).ToListAsync(ct);
            groups.Add(new WorkGroup("consultations-drafts", t["Work.Drafts"], mineTotal,
                rows.Select(c => c.Status == ConsultationStatus.Scheduled
                        ? new WorkTask(c.Title, $"/consultations/{c.Id}/manage", t["Work.Scheduled", c.RegNumber, Platform.Localization.Formats.Date(c.OpensOn)],
                            Urgency: c.OpensOn.DayNumber - today.DayNumber <= SoonDays ? WorkUrgency.Soon : WorkUrgency.Normal)
                        : new WorkTask(c.Title, $"/consultations/edit/{c.Id}", t["Status.Draft"]))
                    .ToList(),
                "/consultations?status=Draft"));
        }

        // Closed (by the clock, whether or not it has run yet) and waiting for the справка: the longest waiting first.
        var closed = db.Consultations.AsNoTracking().Where(IsClosed(now));
        var closedTotal = await closed.CountAsync(ct);
        if (closedTotal == 0)
        {
            return groups;
        }
        var waiting = await closed.OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(WorkGroup.Shown)
            .Select(c => new { c.Id, c.Title, c.RegNumber, c.ClosesOn }).ToListAsync(ct);
        var unanswered = db.Comments.AsNoTracking()
            .Where(p => p.SubjectKind == ConsultationComments.Kind && p.ParentId == null && closed.Select(c => c.Id).Contains(p.SubjectId)
                && !db.ProposalAnswers.Any(a => a.CommentId == p.Id));
        var shownIds = waiting.Select(c => c.Id).ToList();
        var unansweredOfShown = await unanswered.Where(p => shownIds.Contains(p.SubjectId)).GroupBy(p => p.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        groups.Add(new WorkGroup("consultations-reports", t["Work.Reports"], closedTotal,
            waiting.Select(c =>
            {
                var left = unansweredOfShown.GetValueOrDefault(c.Id);
                return new WorkTask(c.Title, $"/consultations/{c.Id}/report/edit", left > 0 ? t["Work.ReportLeft", c.RegNumber, left] : t["Work.ReportReady", c.RegNumber],
                    ConsultationLifecycle.ReportDue(c.ClosesOn), ConsultationLifecycle.ReportDaysOverdue(c.ClosesOn, today), left, Urgency(c.ClosesOn, today));
            }).ToList(),
            "/consultations?status=Closed"));

        // Every proposal still without an answer in those consultations, those of the longest-waiting consultation first.
        var proposalsTotal = await unanswered.CountAsync(ct);
        if (proposalsTotal > 0)
        {
            var proposals = await (from p in unanswered
                                   join c in db.Consultations on p.SubjectId equals c.Id
                                   orderby c.ClosesAt, p.CreatedAt, p.Id
                                   select new { p.Text, ConsultationId = c.Id, c.RegNumber, c.ClosesOn })
                .Take(WorkGroup.Shown).ToListAsync(ct);
            groups.Add(new WorkGroup("consultations-proposals", t["Work.Proposals"], proposalsTotal,
                proposals.Select(p => new WorkTask(WorkTask.Excerpt(p.Text), $"/consultations/{p.ConsultationId}/report/edit?unanswered=true", t["Work.ProposalOf", p.RegNumber],
                    ConsultationLifecycle.ReportDue(p.ClosesOn), ConsultationLifecycle.ReportDaysOverdue(p.ClosesOn, today), Urgency: Urgency(p.ClosesOn, today))).ToList(),
                "/consultations?status=Closed"));
        }
        return groups;
    }

    /// <summary>Overdue after the 30 days, „скоро“ in the last week before them.</summary>
    public static WorkUrgency Urgency(DateOnly closesOn, DateOnly today) =>
        ConsultationLifecycle.ReportDaysOverdue(closesOn, today) > 0 ? WorkUrgency.Overdue
        : ConsultationLifecycle.ReportDue(closesOn).DayNumber - today.DayNumber <= SoonDays ? WorkUrgency.Soon
        : WorkUrgency.Normal;

    private static Expression<Func<Consultation, bool>> IsClosed(DateTimeOffset now)
    {
        var effective = ConsultationQueries.Effective(now);
        return Expression.Lambda<Func<Consultation, bool>>(Expression.Equal(effective.Body, Expression.Constant(ConsultationStatus.Closed)), effective.Parameters);
    }
}
