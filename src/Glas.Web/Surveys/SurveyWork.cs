using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>An official's work on surveys: surveys closing within a week, and the drafts (not launched) they worked on.</summary>
public static class SurveyWork
{
    public const int ClosingDays = 7;

    /// <summary>How far back the audit log is asked for the surveys a person worked on, and how many.</summary>
    public const int DraftDays = 365;
    public const int Looked = 50;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<SurveysText>>();
        var now = who.Now;
        var groups = new List<WorkGroup>();

        var until = now.AddDays(ClosingDays);
        var closing = db.Surveys.AsNoTracking().Where(s => s.Launched && s.ClosesAt > now && s.ClosesAt <= until);
        var closingTotal = await closing.CountAsync(ct);
        if (closingTotal > 0)
        {
            var rows = await closing.OrderBy(s => s.ClosesAt).ThenBy(s => s.Id).Take(WorkGroup.Shown).Select(s => new { s.Id, s.Title, s.ClosesAt }).ToListAsync(ct);
            var ids = rows.Select(s => s.Id).ToList();
            var responses = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId) && r.SubmittedAt != null).GroupBy(r => r.SurveyId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            groups.Add(new WorkGroup("surveys-closing", t["Work.Closing", ClosingDays], closingTotal,
                rows.Select(s => new WorkTask(s.Title, $"/surveys/{s.Id}/results", t["Work.Responses", responses.GetValueOrDefault(s.Id), Formats.DateTime(s.ClosesAt!.Value)],
                    Count: responses.GetValueOrDefault(s.Id), Urgency: WorkUrgency.Soon)).ToList(),
                "/surveys/manage"));
        }

        // Drafts: surveys not launched that the person created, copied or edited (the audit log says who).
        var mine = await AuditQueries.RecentSubjectsAsync(db, who.UserId, "survey", now.AddDays(-DraftDays), Looked, ct);
        if (mine.Count > 0)
        {
            var ids = mine.Select(m => m.Id).ToList();
            var drafts = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id) && !s.Launched).Select(s => new { s.Id, s.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
            var ordered = mine.Where(m => drafts.ContainsKey(m.Id)).ToList();
            if (ordered.Count > 0)
            {
                groups.Add(new WorkGroup("surveys-drafts", t["Work.Drafts"], ordered.Count,
                    ordered.Take(WorkGroup.Shown).Select(m => new WorkTask(drafts[m.Id], $"/surveys/{m.Id}/edit", t["Work.ChangedOn", Formats.DateTime(m.At)])).ToList(),
                    "/surveys/manage"));
            }
        }
        return groups;
    }
}
