using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>
/// An official's work on participatory bodies: meetings that have taken place (held, or planned
/// and already over without being marked) whose minutes are not published yet, the latest first.
/// </summary>
public static class BodyWork
{
    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var now = who.Now;
        var missing = db.Meetings.AsNoTracking()
            .Where(m => (m.Status == MeetingStatus.Held || (m.Status == MeetingStatus.Planned && m.EndsAt < now))
                && !db.Documents.Any(d => d.SubjectKind == MeetingDocumentSubjects.SubjectKind && d.SubjectId == m.Id && d.Type == DocumentType.Minutes));
        var total = await missing.CountAsync(ct);
        if (total == 0)
        {
            return [];
        }
        var rows = await (from m in missing
                          join b in db.Bodies on m.BodyId equals b.Id
                          orderby m.StartsAt descending, m.Id
                          select new { m.Id, m.BodyId, m.Title, m.StartsAt, m.Status, Body = b.Name })
            .Take(WorkGroup.Shown).ToListAsync(ct);
        var t = services.GetRequiredService<IStringLocalizer<BodiesText>>();
        return
        [
            new WorkGroup("bodies-minutes", t["Work.Minutes"], total,
                rows.Select(m => new WorkTask(m.Title, $"/bodies/{m.BodyId}/meetings/{m.Id}/manage",
                    t[m.Status == MeetingStatus.Planned ? "Work.NotMarked" : "Work.Held", m.Body, Formats.DateTime(m.StartsAt)])).ToList(),
                "/bodies"),
        ];
    }
}
