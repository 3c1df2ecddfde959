using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Comments;

/// <summary>Comments, replies, support, reports and moderation for the subjects of every module; no navigation of its own.</summary>
public sealed class CommentsModule : GlasModule
{
    public override string Key => "comments";

    /// <summary>Comments appear on the pages of every module.</summary>
    public override IEnumerable<string> EvictsOnWrite => [Platform.Caching.CacheScope.Everything];

    public override int Order => 5;

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<CommentActions>();

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(Comment), nameof(Comment.AuthorId)),
        new(typeof(Comment), nameof(Comment.HiddenBy)),
        new(typeof(CommentSupport), nameof(CommentSupport.UserId)),
        new(typeof(CommentFlag), nameof(CommentFlag.ReporterId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var comments = await db.Comments.IgnoreQueryFilters().AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Id, subject = c.SubjectKind, c.SubjectId, c.UnitId, c.ParentId, shown = c.Shown.ToString(), c.OrganisationName, c.Text, c.CreatedAt, c.EditedAt,
                hidden = c.HiddenAt != null,
            })
            .ToListAsync(ct);
        var supports = await db.CommentSupports.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).Select(s => new { s.CommentId, s.CreatedAt }).ToListAsync(ct);
        var flags = await db.CommentFlags.AsNoTracking().Where(f => f.ReporterId == userId).OrderBy(f => f.CreatedAt).Select(f => new { f.CommentId, f.Reason, f.CreatedAt }).ToListAsync(ct);
        // As a moderator: the comments the person hid, with the reason they gave.
        var hiddenByMe = await db.Comments.IgnoreQueryFilters().AsNoTracking().Where(c => c.HiddenBy == userId).OrderBy(c => c.HiddenAt)
            .Select(c => new { c.Id, subject = c.SubjectKind, c.SubjectId, c.HiddenAt, c.HiddenReason }).ToListAsync(ct);
        return comments.Count + supports.Count + flags.Count + hiddenByMe.Count == 0 ? null : new { comments, supports, flags, hiddenByMe };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // Comments stay in the record (a справка answers them), shown as by „Изтрит потребител“ (the account is marked deleted), without the organisation's name.
        await db.Comments.IgnoreQueryFilters().Where(c => c.AuthorId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Shown, AuthorShown.DisplayName).SetProperty(c => c.OrganisationName, (string?)null), ct);
        await db.CommentFlags.Where(f => f.ReporterId == userId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Reason, "—"), ct);
    }

    /// <summary>For moderators: the reported comments waiting in the shared queue.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        ModerationWork.TasksAsync(services, who, ct);

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(Comment), c => ((Comment)c).Id)];

    /// <summary>Comments that are not hidden, on subjects anyone may see now, titled by their subject and linked to their place on its page.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Comments.AsNoTracking().Where(c => c.HiddenAt == null);
        if (ids is not null)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }
        var comments = await query.Select(c => new { c.Id, c.SubjectKind, c.SubjectId, c.UnitId, c.Text, c.CreatedAt }).ToListAsync(ct);
        var anyone = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        var title = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Search.SearchText>>();
        var items = new List<SearchItem>();
        foreach (var kind in comments.GroupBy(c => c.SubjectKind))
        {
            if (services.GetServices<ICommentSubjects>().FirstOrDefault(s => s.Kind == kind.Key) is not { } subjects)
            {
                continue;
            }
            var visible = new HashSet<Guid>();
            foreach (var subjectId in kind.Select(c => c.SubjectId).Distinct())
            {
                if (await subjects.FindAsync(subjectId, anyone, ct) is not null)
                {
                    visible.Add(subjectId);
                }
            }
            var shown = kind.Where(c => visible.Contains(c.SubjectId)).ToList();
            var links = await subjects.LinksAsync(shown.Select(c => new CommentPlace(c.SubjectId, c.UnitId)).Distinct().ToList(), ct);
            items.AddRange(shown.Where(c => links.ContainsKey(new CommentPlace(c.SubjectId, c.UnitId))).Select(c =>
            {
                var link = links[new CommentPlace(c.SubjectId, c.UnitId)];
                return new SearchItem(c.Id, "comment", string.Format(System.Globalization.CultureInfo.CurrentCulture, title["Comment.Title"], link.Title), c.Text,
                    link.Path + "#c-" + c.Id, c.CreatedAt);
            }));
        }
        return items;
    }
}
