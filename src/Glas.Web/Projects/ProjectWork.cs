using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>An official's shortcut back to the projects they changed lately, from the audit log (not counted as work waiting).</summary>
public static class ProjectWork
{
    public const int RecentDays = 30;

    /// <summary>How many recently changed subjects the audit log is asked for.</summary>
    public const int Looked = 50;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var recent = await AuditQueries.RecentSubjectsAsync(db, who.UserId, "project", who.Now.AddDays(-RecentDays), Looked, ct);
        if (recent.Count == 0)
        {
            return [];
        }
        var ids = recent.Select(r => r.Id).ToList();
        // Deleted projects stay in the log; only those still in the register are shown.
        var titles = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var existing = recent.Where(r => titles.ContainsKey(r.Id)).ToList();
        if (existing.Count == 0)
        {
            return [];
        }
        var t = services.GetRequiredService<IStringLocalizer<ProjectsText>>();
        return
        [
            new WorkGroup("projects-recent", t["Work.Recent", RecentDays], existing.Count,
                existing.Take(WorkGroup.Shown).Select(r => new WorkTask(titles[r.Id], $"/projects/{r.Id}", t["Work.ChangedOn", Formats.DateTime(r.At)])).ToList(),
                "/projects", Counted: false),
        ];
    }
}
