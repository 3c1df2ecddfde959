using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Comments;

/// <summary>
/// A comment as the public sees it. Badges shown beside the author (e.g. the administration the
/// author works for) belong here as further properties, and in _Comment's meta line.
/// </summary>
public sealed record CommentView(
    Guid Id, Guid? ParentId, Guid? UnitId, string Author, AuthorKind AuthorKind, string? Text, string? HiddenReason,
    DateTimeOffset CreatedAt, int Supports, bool SupportedByMe, bool MineAuthored, bool ByStaff = false)
{
    public List<CommentView> Replies { get; } = [];
    public bool IsHidden => HiddenReason is not null;
    public DateTimeOffset? EditedAt { get; init; }
}

public enum AuthorKind
{
    Person,
    Organisation,
    Anonymous,
    Deleted,
}

/// <summary>Comments as the public sees them: display name, organisation, „Анонимно“ or „Изтрит потребител“, never an e-mail.</summary>
public static class CommentViews
{
    /// <summary>The comments on one subject (of one kind), all of them, replies included.</summary>
    public static IQueryable<Comment> On(this IQueryable<Comment> comments, string kind, Guid subjectId) =>
        comments.Where(c => c.SubjectKind == kind && c.SubjectId == subjectId);

    /// <summary>One page of the top-level comments on a unit (or on the whole subject when unitId is null), with their replies.</summary>
    public static async Task<List<CommentView>> PageAsync(GlasDbContext db, string kind, Guid subjectId, Guid? unitId, Guid? viewer, int page, int pageSize, CancellationToken ct)
    {
        var top = db.Comments.AsNoTracking().On(kind, subjectId).Where(c => c.UnitId == unitId && c.ParentId == null);
        // The page of top-level ids stays a subquery, so comments and their replies come in one round trip.
        var pageIds = top.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(c => c.Id);
        var rows = await Project(db.Comments.AsNoTracking().Where(c => pageIds.Contains(c.Id) || (c.ParentId != null && pageIds.Contains(c.ParentId.Value))), db, viewer)
            .ToListAsync(ct);
        return Thread(rows, rows.Where(r => r.ParentId is null).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id));
    }

    /// <summary>The given top-level comments with their replies, in the given order, in one round trip.</summary>
    public static async Task<List<CommentView>> WithRepliesAsync(GlasDbContext db, IReadOnlyCollection<Guid> topIds, Guid? viewer, CancellationToken ct)
    {
        if (topIds.Count == 0)
        {
            return [];
        }
        var rows = await Project(db.Comments.AsNoTracking().Where(c => topIds.Contains(c.Id) || (c.ParentId != null && topIds.Contains(c.ParentId.Value))), db, viewer)
            .ToListAsync(ct);
        return Thread(rows, topIds);
    }

    /// <summary>Top-level rows in the given order, each with its replies oldest first.</summary>
    private static List<CommentView> Thread(List<CommentView> rows, IEnumerable<Guid> order)
    {
        var top = rows.Where(r => r.ParentId is null).ToDictionary(r => r.Id);
        foreach (var reply in rows.Where(r => r.ParentId is not null).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
        {
            top.GetValueOrDefault(reply.ParentId!.Value)?.Replies.Add(reply);
        }
        return order.Select(top.GetValueOrDefault).OfType<CommentView>().ToList();
    }

    /// <summary>
    /// The asked-for page of top-level comments (with replies) and the pager over them. Most subjects
    /// fit on one page, so the first page is read before counting, and counted only when it is full.
    /// </summary>
    public static async Task<(List<CommentView> Comments, Pager Pager)> PagedAsync(GlasDbContext db, string kind, Guid subjectId, Guid? unitId, Guid? viewer,
        int? page, int pageSize, CancellationToken ct)
    {
        if (page is null or <= 1)
        {
            var first = await PageAsync(db, kind, subjectId, unitId, viewer, 1, pageSize, ct);
            var total = first.Count < pageSize ? first.Count : await CountTopAsync(db, kind, subjectId, unitId, ct);
            return (first, new Pager(1, pageSize, total));
        }
        var pager = new Pager(page, pageSize, await CountTopAsync(db, kind, subjectId, unitId, ct));
        return (await PageAsync(db, kind, subjectId, unitId, viewer, pager.Current, pageSize, ct), pager);
    }

    /// <summary>How many top-level comments a unit (or the whole subject, unitId null) has: the pages of <see cref="PageAsync"/>.</summary>
    public static Task<int> CountTopAsync(GlasDbContext db, string kind, Guid subjectId, Guid? unitId, CancellationToken ct) =>
        db.Comments.On(kind, subjectId).CountAsync(c => c.UnitId == unitId && c.ParentId == null, ct);

    public static IQueryable<CommentView> Project(IQueryable<Comment> comments, GlasDbContext db, Guid? viewer) =>
        comments.Select(c => new CommentView(
            c.Id, c.ParentId, c.UnitId,
            c.Shown == AuthorShown.Anonymous ? "" : c.Author!.DeletedAt != null ? "" : c.Shown == AuthorShown.Organisation ? c.OrganisationName! : c.Author.DisplayName,
            c.Shown == AuthorShown.Anonymous ? AuthorKind.Anonymous : c.Author!.DeletedAt != null ? AuthorKind.Deleted : c.Shown == AuthorShown.Organisation ? AuthorKind.Organisation : AuthorKind.Person,
            c.HiddenAt == null ? c.Text : null,
            c.HiddenAt == null ? null : c.HiddenReason ?? "",
            c.CreatedAt,
            c.SupportCount,
            viewer != null && db.CommentSupports.Any(s => s.CommentId == c.Id && s.UserId == viewer),
            viewer != null && c.AuthorId == viewer,
            // Staff of the subject's administration, shown by name: a badge, so no one passes for them.
            c.Shown == AuthorShown.DisplayName && c.Author!.DeletedAt == null
                && db.Memberships.Any(m => m.UserId == c.AuthorId && m.TenantId == c.TenantId && m.Role != TenantRole.Participant))
        {
            EditedAt = c.EditedAt,
        });

    public static string AuthorName(CommentView c, Microsoft.Extensions.Localization.IStringLocalizer l) => c.AuthorKind switch
    {
        AuthorKind.Anonymous => l["Users.Anonymous"],
        AuthorKind.Deleted => l["Users.Deleted"],
        _ => c.Author,
    };
}
