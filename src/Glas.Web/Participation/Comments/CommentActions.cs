using System.Security.Claims;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Comments;

/// <summary>What a person wrote in a comment form.</summary>
public sealed record CommentPost(string? Text, AuthorShown Shown, Guid? ParentId);

/// <summary>
/// Each rendered comment form carries a new submission id in a hidden field; the comment is stored
/// with it, so a form sent again (the answer was lost, the database restarted, a double click)
/// is answered as done with the comment already there, and never adds a second one.
/// </summary>
public static class CommentSubmission
{
    public const string Field = "Submission";

    /// <summary>The submission id the request's form carries, if it carries a readable one.</summary>
    public static Guid? Of(HttpContext context) =>
        context.Request.HasFormContentType && Guid.TryParse(context.Request.Form[Field].ToString(), out var id) && id != Guid.Empty ? id : null;
}

/// <summary>The field of a form a message belongs to.</summary>
public enum CommentField
{
    Form,
    Text,
    Shown,
    Reason,
}

public sealed record CommentError(CommentField Field, string Message);

public enum CommentResult
{
    /// <summary>Done (or nothing to do); go back to the page with the status message.</summary>
    Done,

    /// <summary>Not done for a reason worth a status line, not a form error (e.g. supporting one's own comment).</summary>
    Refused,

    /// <summary>The form has errors; show it again with them and what was typed.</summary>
    Invalid,

    /// <summary>Over the participation rate limit: the form again, with 429 and Retry-After.</summary>
    TooFast,

    NotFound,
    SignIn,
    Forbidden,
}

public sealed record CommentOutcome(CommentResult Result, Guid? CommentId = null, string? Status = null, IReadOnlyList<CommentError>? Errors = null, int RetryAfterSeconds = 0)
{
    public IReadOnlyList<CommentError> Errors { get; init; } = Errors ?? [];
}

/// <summary>
/// Every write on comments, for every module: post, reply, edit, support, report, hide, un-hide and
/// dismiss reports. The module's page says which subject (and unit) it shows; the subject's module
/// (<see cref="ICommentSubjects"/>) says whether the viewer may see it and whether it accepts
/// comments now. Every participant's write counts against the rate limit.
/// </summary>
public sealed class CommentActions(
    GlasDbContext db,
    TimeProvider time,
    ParticipationLimiter limiter,
    TenantRoles roles,
    UserManager<GlasUser> users,
    IEnumerable<ICommentSubjects> subjects,
    Rules.RulesGate rules,
    IStringLocalizer<CommentsText> t,
    IStringLocalizer<SharedResource> l)
{
    private ICommentSubjects Subjects(string kind) =>
        subjects.FirstOrDefault(s => s.Kind == kind) ?? throw new InvalidOperationException($"No module declares comment subjects of kind '{kind}'.");

    public async Task<bool> IsModeratorAsync(ClaimsPrincipal user) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Moderator);

    public async Task<CommentOutcome> PostAsync(HttpContext context, string kind, Guid subjectId, Guid? unitId, CommentPost post)
    {
        if (context.User.UserId() is not { } author)
        {
            return new(CommentResult.SignIn);
        }
        if (await Subjects(kind).FindAsync(subjectId, context.User, context.RequestAborted) is not { } subject)
        {
            return new(CommentResult.NotFound);
        }
        var user = await users.FindByIdAsync(author.ToString());
        if (user is null || user.IsDeleted)
        {
            return new(CommentResult.SignIn);
        }
        var submission = CommentSubmission.Of(context);
        if (submission is not null && await PostedAsync(author, submission.Value, context.RequestAborted) is { } again)
        {
            return new(CommentResult.Done, again, t.For(kind, "Saved"));
        }
        // The same form sent twice at once: the other request may store it while this one is checked,
        // and then counts against this one (too fast, the same text twice). It is done, not refused.
        async Task<CommentOutcome> Refuse(CommentOutcome refusal) =>
            submission is not null && await PostedAsync(author, submission.Value, context.RequestAborted) is { } stored
                ? new(CommentResult.Done, stored, t.For(kind, "Saved"))
                : refusal;
        if (TooFast(context, kind, "TooFastPost") is { } tooFast)
        {
            return await Refuse(tooFast with { Errors = [new(CommentField.Text, tooFast.Status!)] });
        }
        if (await rules.RefusalAsync(author, context.RequestAborted) is { } acceptRules)
        {
            return Invalid(CommentField.Text, acceptRules);
        }
        if (!subject.AcceptsComments)
        {
            return Invalid(CommentField.Text, t.For(kind, "Closed"));
        }
        var errors = new List<CommentError>();
        var text = CommentRules.Clean(post.Text);
        if (CheckText(kind, text, subject.MaxLength) is { } bad)
        {
            errors.Add(new(CommentField.Text, bad));
        }
        if (!Enum.IsDefined(post.Shown) || (post.Shown == AuthorShown.Organisation && user.Kind != AccountKind.Organisation))
        {
            errors.Add(new(CommentField.Shown, l["Validation.Invalid"]));
        }
        // A reply belongs to a shown top-level comment on the same subject and the same unit.
        if (post.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking().On(kind, subjectId).FirstOrDefaultAsync(c => c.Id == parentId, context.RequestAborted);
            if (parent is null || parent.ParentId is not null || parent.UnitId != unitId)
            {
                errors.Add(new(CommentField.Text, t.For(kind, "NoParent")));
            }
            else if (parent.HiddenAt is not null)
            {
                errors.Add(new(CommentField.Text, t.For(kind, "HiddenNoReply")));
            }
        }
        if (errors.Count == 0)
        {
            // The same words twice from one person on one subject within a day are a slip or a flood, not a second proposal.
            var since = time.GetUtcNow().AddHours(-24);
            var recent = await db.Comments.AsNoTracking().On(kind, subjectId)
                .Where(c => c.UnitId == unitId && c.ParentId == post.ParentId && c.AuthorId == author && c.CreatedAt >= since)
                .Select(c => c.Text).ToListAsync(context.RequestAborted);
            if (recent.Any(r => TextRules.SameText(r, text)))
            {
                errors.Add(new(CommentField.Text, t.For(kind, "Duplicate")));
            }
        }
        if (errors.Count > 0)
        {
            return await Refuse(new(CommentResult.Invalid, Errors: errors));
        }

        var now = time.GetUtcNow();
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            TenantId = subject.TenantId,
            SubjectKind = kind,
            SubjectId = subjectId,
            UnitId = unitId,
            ParentId = post.ParentId,
            AuthorId = author,
            Shown = post.Shown,
            OrganisationName = post.Shown == AuthorShown.Organisation ? user.OrganisationName : null,
            Text = text,
            CreatedAt = now,
            SubmissionId = submission,
        };
        db.Comments.Add(comment);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException ex) when (submission is not null && ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: SubmissionIndex })
        {
            // The same form, sent twice at once: the other request stored it.
            db.Entry(comment).State = EntityState.Detached;
            return new(CommentResult.Done, await PostedAsync(author, submission.Value, context.RequestAborted), t.For(kind, "Saved"));
        }
        return new(CommentResult.Done, comment.Id, t.For(kind, "Saved"));
    }

    private const string SubmissionIndex = "IX_Comments_AuthorId_SubmissionId";

    private Task<Guid?> PostedAsync(Guid author, Guid submission, CancellationToken ct) =>
        db.Comments.IgnoreQueryFilters().Where(c => c.AuthorId == author && c.SubmissionId == submission).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>The author corrects the text within <see cref="CommentRules.EditWindow"/>, while the subject accepts comments.</summary>
    public async Task<CommentOutcome> EditAsync(HttpContext context, string kind, Guid subjectId, Guid commentId, string? text)
    {
        if (context.User.UserId() is not { } user)
        {
            return new(CommentResult.SignIn);
        }
        if (await Subjects(kind).FindAsync(subjectId, context.User, context.RequestAborted) is not { } subject)
        {
            return new(CommentResult.NotFound);
        }
        var comment = await db.Comments.On(kind, subjectId).FirstOrDefaultAsync(c => c.Id == commentId, context.RequestAborted);
        if (comment is null)
        {
            return new(CommentResult.NotFound);
        }
        if (comment.AuthorId != user)
        {
            return new(CommentResult.Forbidden);
        }
        if (TooFast(context, kind, "TooFast") is { } tooFast)
        {
            return tooFast with { CommentId = commentId, Errors = [new(CommentField.Text, tooFast.Status!)] };
        }
        var now = time.GetUtcNow();
        if (!CommentRules.CanEdit(comment, user, now))
        {
            return new(CommentResult.Refused, commentId, t.For(kind, comment.HiddenAt is null ? "Edit.TooLate" : "Edit.Hidden"));
        }
        if (!subject.AcceptsComments)
        {
            return new(CommentResult.Refused, commentId, t.For(kind, "Closed"));
        }
        var cleaned = CommentRules.Clean(text);
        if (CheckText(kind, cleaned, subject.MaxLength) is { } bad)
        {
            return new(CommentResult.Invalid, commentId, Errors: [new(CommentField.Text, bad)]);
        }
        if (cleaned != comment.Text)
        {
            comment.Text = cleaned;
            comment.EditedAt = now;
            await db.SaveChangesAsync(context.RequestAborted);
        }
        return new(CommentResult.Done, commentId, t.For(kind, "Edit.Saved"));
    }

    public async Task<CommentOutcome> SupportAsync(HttpContext context, string kind, Guid subjectId, Guid commentId)
    {
        if (context.User.UserId() is not { } user)
        {
            return new(CommentResult.SignIn);
        }
        if (await Subjects(kind).FindAsync(subjectId, context.User, context.RequestAborted) is not { } subject)
        {
            return new(CommentResult.NotFound);
        }
        var comment = await db.Comments.AsNoTracking().On(kind, subjectId).FirstOrDefaultAsync(c => c.Id == commentId, context.RequestAborted);
        if (comment is null)
        {
            return new(CommentResult.NotFound);
        }
        if (TooFast(context, kind, "TooFast") is { } tooFast)
        {
            return tooFast with { Errors = [new(CommentField.Form, tooFast.Status!)] };
        }
        if (!subject.AcceptsComments)
        {
            return new(CommentResult.Refused, null, t.For(kind, "Closed"));
        }
        if (CommentRules.WhyNotSupport(comment, user, alreadySupports: false) is { } refusal)
        {
            return new(CommentResult.Refused, commentId, t.For(kind, "Support." + refusal));
        }
        // The primary key (comment, user) makes a second support a no-op, even when two arrive at once.
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CommentSupports" ("CommentId", "UserId", "CreatedAt") VALUES ({commentId}, {user}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, context.RequestAborted);
        if (added == 1)
        {
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportCount, c => c.SupportCount + 1), context.RequestAborted);
        }
        return new(CommentResult.Done, commentId, t.For(kind, added == 1 ? "Support.Saved" : "Support.Already"));
    }

    public async Task<CommentOutcome> FlagAsync(HttpContext context, string kind, Guid subjectId, Guid commentId, string? reason)
    {
        if (context.User.UserId() is not { } user)
        {
            return new(CommentResult.SignIn);
        }
        if (await Subjects(kind).FindAsync(subjectId, context.User, context.RequestAborted) is null)
        {
            return new(CommentResult.NotFound);
        }
        var flagged = await db.Comments.AsNoTracking().On(kind, subjectId).Where(c => c.Id == commentId).Select(c => new { c.HiddenAt, c.AuthorId }).FirstOrDefaultAsync(context.RequestAborted);
        if (flagged is null)
        {
            return new(CommentResult.NotFound);
        }
        if (TooFast(context, kind, "TooFast") is { } tooFast)
        {
            return tooFast with { CommentId = commentId, Errors = [new(CommentField.Reason, tooFast.Status!)] };
        }
        if (flagged.HiddenAt is not null)
        {
            return new(CommentResult.Refused, commentId, t.For(kind, "Flag.Hidden"));
        }
        if (CheckReason(kind, reason, "Flag.ReasonNeeded") is { } bad)
        {
            return new(CommentResult.Invalid, commentId, Errors: [new(CommentField.Reason, bad)]);
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CommentFlags" ("Id", "CommentId", "ReporterId", "Reason", "CreatedAt") VALUES ({Guid.CreateVersion7()}, {commentId}, {user}, {reason!.Trim()}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, context.RequestAborted);
        return new(CommentResult.Done, commentId, t.For(kind, "Flag.Saved"));
    }

    /// <summary>Hides a comment with a reason; it stays in the record and in the counts, its reports are resolved, and the audit log says who and why.</summary>
    public Task<CommentOutcome> HideAsync(HttpContext context, string? kind, Guid? subjectId, Guid commentId, string? reason) =>
        ModerateAsync(context, kind, subjectId, commentId, reason, hide: true);

    /// <summary>Shows a hidden comment again, with a reason, in the audit log.</summary>
    public Task<CommentOutcome> UnhideAsync(HttpContext context, string? kind, Guid? subjectId, Guid commentId, string? reason) =>
        ModerateAsync(context, kind, subjectId, commentId, reason, hide: false);

    private async Task<CommentOutcome> ModerateAsync(HttpContext context, string? kind, Guid? subjectId, Guid commentId, string? reason, bool hide)
    {
        if (context.User.UserId() is not { } moderator)
        {
            return new(CommentResult.SignIn);
        }
        // The page's subject (when a module's page asks) must be one the moderator sees here; the queue passes none.
        if (kind is not null && subjectId is { } sid && await Subjects(kind).FindAsync(sid, context.User, context.RequestAborted) is null)
        {
            return new(CommentResult.NotFound);
        }
        var query = db.Comments.Where(c => c.Id == commentId);
        if (kind is not null && subjectId is { } subjectFilter)
        {
            query = query.On(kind, subjectFilter);
        }
        var comment = await query.FirstOrDefaultAsync(context.RequestAborted);
        if (comment is null)
        {
            return new(CommentResult.NotFound);
        }
        var isModerator = await IsModeratorAsync(context.User);
        if (!isModerator)
        {
            return new(CommentResult.Forbidden);
        }
        var own = comment.SubjectKind;
        if (hide ? !CommentRules.CanHide(comment, isModerator) : !CommentRules.CanUnhide(comment, isModerator))
        {
            return new(CommentResult.Refused, commentId, t.For(own, hide ? "Hide.Already" : "Unhide.NotHidden"));
        }
        if (CheckReason(own, reason, hide ? "Hide.ReasonNeeded" : "Unhide.ReasonNeeded") is { } bad)
        {
            return new(CommentResult.Invalid, commentId, Errors: [new(CommentField.Reason, bad)]);
        }
        var now = time.GetUtcNow();
        reason = reason!.Trim();
        if (hide)
        {
            comment.HiddenAt = now;
            comment.HiddenBy = moderator;
            comment.HiddenReason = reason;
            await db.CommentFlags.Where(f => f.CommentId == comment.Id && f.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now), context.RequestAborted);
        }
        else
        {
            comment.HiddenAt = null;
            comment.HiddenBy = null;
            comment.HiddenReason = null;
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = comment.TenantId,
            ActorUserId = moderator,
            Action = hide ? Subjects(own).HiddenAuditAction : "comment.shown-again",
            Subject = $"comment:{comment.Id}",
            Details = reason,
            At = now,
        });
        await db.SaveChangesAsync(context.RequestAborted);
        return new(CommentResult.Done, commentId, t.For(own, hide ? "Hide.Saved" : "Unhide.Saved"));
    }

    /// <summary>A moderator closes a comment's reports without hiding it.</summary>
    public async Task<CommentOutcome> DismissFlagsAsync(HttpContext context, Guid commentId)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.TenantId, c.SubjectKind }).FirstOrDefaultAsync(context.RequestAborted);
        if (comment is null)
        {
            return new(CommentResult.NotFound);
        }
        if (!await IsModeratorAsync(context.User))
        {
            return new(CommentResult.Forbidden);
        }
        var now = time.GetUtcNow();
        await db.CommentFlags.Where(f => f.CommentId == commentId && f.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now), context.RequestAborted);
        db.AuditEntries.Add(new AuditEntry { TenantId = comment.TenantId, ActorUserId = context.User.UserId(), Action = "comment.flags-dismissed", Subject = $"comment:{commentId}", At = now });
        await db.SaveChangesAsync(context.RequestAborted);
        return new(CommentResult.Done, commentId, t.For(comment.SubjectKind, "Moderation.Dismissed"));
    }

    /// <summary>The message for a comment's text that may not be stored as it is, or null.</summary>
    private string? CheckText(string kind, string text, int maxLength) =>
        CommentRules.IsBlank(text) ? l["Validation.Required"]
        : text.Length > maxLength ? t.For(kind, "TooLong", maxLength, text.Length)
        : TextRules.HasUnsafeCharacters(text) ? t.For(kind, "BadCharacters")
        : null;

    private string? CheckReason(string kind, string? reason, string neededKey)
    {
        reason = reason?.Trim();
        return CommentRules.IsBlank(reason) ? t.For(kind, neededKey)
            : reason!.Length > CommentRules.MaxReasonLength ? t.For(kind, "Reason.TooLong", CommentRules.MaxReasonLength, reason.Length)
            : TextRules.HasUnsafeCharacters(reason) ? t.For(kind, "Reason.BadCharacters")
            : null;
    }

    private static CommentOutcome Invalid(CommentField field, string message) => new(CommentResult.Invalid, Errors: [new(field, message)]);

    /// <summary>Counts a participant's write; when over the limit, the outcome says how long to wait.</summary>
    private CommentOutcome? TooFast(HttpContext context, string kind, string key)
    {
        if (limiter.TryAcquire(context) is not { } wait)
        {
            return null;
        }
        var seconds = ParticipationLimiter.Seconds(wait);
        return new(CommentResult.TooFast, Status: t.For(kind, key, seconds), RetryAfterSeconds: seconds);
    }
}
