using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Comments;

/// <summary>A moderator's work: the reported comments of every module waiting in the shared queue, the longest waiting first.</summary>
public static class ModerationWork
{
    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Moderator))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        // The same comments as the queue at /moderation: not hidden, with a report nobody has dealt with.
        var open = db.Comments.AsNoTracking().Where(c => c.HiddenAt == null && db.CommentFlags.Any(f => f.CommentId == c.Id && f.ResolvedAt == null));
        var total = await open.CountAsync(ct);
        if (total == 0)
        {
            return [];
        }
        var rows = await open
            .Select(c => new
            {
                c.Id,
                c.Text,
                Since = db.CommentFlags.Where(f => f.CommentId == c.Id && f.ResolvedAt == null).Min(f => f.CreatedAt),
                Reports = db.CommentFlags.Count(f => f.CommentId == c.Id && f.ResolvedAt == null),
            })
            .OrderBy(c => c.Since).ThenBy(c => c.Id).Take(WorkGroup.Shown).ToListAsync(ct);
        var t = services.GetRequiredService<IStringLocalizer<CommentsText>>();
        return
        [
            new WorkGroup("comments-moderation", t["Work.Moderation"], total,
                rows.Select(c => new WorkTask(WorkTask.Excerpt(c.Text), "/moderation", t["Work.Reports", c.Reports, Platform.Localization.Formats.DateTime(c.Since)], Count: c.Reports)).ToList(),
                "/moderation"),
        ];
    }
}
