using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>
/// An official's work on monitoring: recommendations waiting for the administration's answer (late
/// after their answer day), and accepted ones whose implementation is past its deadline.
/// </summary>
public static class MonitoringWork
{
    /// <summary>An answer due within this many days is „скоро“.</summary>
    public const int SoonDays = 7;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<MonitoringText>>();
        var today = DateOnly.FromDateTime(Formats.ToSofia(who.Now).DateTime);
        var groups = new List<WorkGroup>();

        var pending = db.Recommendations.AsNoTracking().Where(r => r.Answer == AnswerStatus.Pending);
        var pendingTotal = await pending.CountAsync(ct);
        if (pendingTotal > 0)
        {
            var rows = await pending.OrderBy(r => r.AnswerDue).ThenBy(r => r.Id).Take(WorkGroup.Shown)
                .Select(r => new { r.Id, r.Title, r.AddresseeUnit, r.AuthorName, r.AnswerDue }).ToListAsync(ct);
            groups.Add(new WorkGroup("monitoring-answers", t["Work.Answers"], pendingTotal,
                rows.Select(r => new WorkTask(r.Title, $"/monitoring/recommendations/{r.Id}", t["Work.From", r.AuthorName, r.AddresseeUnit], r.AnswerDue,
                    DaysOverdue(r.AnswerDue, today),
                    Urgency: RecommendationRules.AnswerOverdue(AnswerStatus.Pending, r.AnswerDue, today) ? WorkUrgency.Overdue
                        : r.AnswerDue.DayNumber - today.DayNumber <= SoonDays ? WorkUrgency.Soon : WorkUrgency.Normal)).ToList(),
                "/monitoring/recommendations?stage=AwaitingAnswer"));
        }

        var late = db.Recommendations.AsNoTracking()
            .Where(r => (r.Implementation == ImplementationStatus.Planned || r.Implementation == ImplementationStatus.InProgress) && r.Deadline < today);
        var lateTotal = await late.CountAsync(ct);
        if (lateTotal > 0)
        {
            var rows = await late.OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(WorkGroup.Shown)
                .Select(r => new { r.Id, r.Title, r.AddresseeUnit, r.Deadline, r.Implementation }).ToListAsync(ct);
            groups.Add(new WorkGroup("monitoring-implementation", t["Work.Implementation"], lateTotal,
                rows.Select(r => new WorkTask(r.Title, $"/monitoring/recommendations/{r.Id}", t["Work.Unit", r.AddresseeUnit], r.Deadline,
                    DaysOverdue(r.Deadline!.Value, today), Urgency: WorkUrgency.Overdue)).ToList(),
                "/monitoring/recommendations"));
        }
        return groups;
    }

    /// <summary>Days past <paramref name="due"/> on <paramref name="today"/>; 0 until then.</summary>
    public static int DaysOverdue(DateOnly due, DateOnly today) => Math.Max(0, today.DayNumber - due.DayNumber);
}
