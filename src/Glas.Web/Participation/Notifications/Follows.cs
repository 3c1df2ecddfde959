using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Notifications;

/// <summary>Following and unfollowing, for any module's page.</summary>
public static class Follows
{
    public static Task<bool> IsFollowingAsync(this GlasDbContext db, Guid userId, string subjectKind, Guid subjectId, CancellationToken ct = default) =>
        db.Follows.IgnoreQueryFilters().AnyAsync(f => f.SubjectKind == subjectKind && f.SubjectId == subjectId && f.UserId == userId, ct);

    /// <summary>Follows at once (a second follow is a no-op, even when two arrive together).</summary>
    public static Task FollowAsync(this GlasDbContext db, Guid userId, FollowSubject subject, DateTimeOffset now, CancellationToken ct = default) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Follows" ("SubjectKind", "SubjectId", "UserId", "TenantId", "CreatedAt")
            VALUES ({subject.Kind}, {subject.Id}, {userId}, {subject.TenantId}, {now}) ON CONFLICT DO NOTHING
            """, ct);

    public static Task<int> UnfollowAsync(this GlasDbContext db, Guid userId, string subjectKind, Guid subjectId, CancellationToken ct = default) =>
        db.Follows.IgnoreQueryFilters().Where(f => f.SubjectKind == subjectKind && f.SubjectId == subjectId && f.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Number of unread notices of a person in the current administration: one count on a partial index.</summary>
    public static Task<int> UnreadCountAsync(this GlasDbContext db, Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
}

/// <summary>What the shared follow button shows.</summary>
/// <summary>The follow button of an item: whether the viewer is signed in and follows it, where to sign in, and what following brings (a module's own words, or the general hint).</summary>
public sealed record FollowButton(bool SignedIn, bool Following, string LoginUrl, string? Hint = null);
