using System.ComponentModel.DataAnnotations;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>
/// What the consultation page and the unit page share: loading the consultation for the viewer,
/// and the participation actions (comment, reply, support, report, hide, follow, rate). Every
/// action re-checks on the server that the consultation is open now, whatever the form says, and
/// counts against the participant's rate limit.
/// </summary>
public abstract class ConsultationPageModel(
    GlasDbContext db,
    TimeProvider time,
    TenantRoles roles,
    UserManager<GlasUser> users,
    IOptions<ConsultationOptions> options,
    IStringLocalizer<ConsultationsText> t) : PageModel
{
    protected GlasDbContext Db => db;
    protected TimeProvider Time => time;
    protected IStringLocalizer<ConsultationsText> T => t;

    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today => ConsultationLifecycle.TodayInSofia(Now);
    public Guid? Viewer { get; private set; }
    public TenantRole? Role { get; private set; }
    public bool IsOfficial => Role is { } r && RoleRules.Satisfies(r, TenantRole.Official);
    public bool IsModerator => Role is { } r && RoleRules.Satisfies(r, TenantRole.Moderator);
    public bool Following { get; private set; }
    public bool HasCommented { get; private set; }
    public ProcessRating? MyRating { get; private set; }
    public int MaxCommentLength => options.Value.MaxCommentLength;

    /// <summary>The unit the page is about; null on the consultation page (comments on the whole draft).</summary>
    public virtual int? UnitNumber => null;

    public bool CanComment => Status == ConsultationStatus.Open && Viewer is not null;

    public sealed class CommentInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        public string? Text { get; set; }

        public AuthorShown Shown { get; set; } = AuthorShown.DisplayName;
        public Guid? ParentId { get; set; }
    }

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    /// <summary>Loads the consultation, or null when it does not exist here or is a draft the viewer may not see.</summary>
    protected async Task<bool> LoadConsultationAsync(Guid id)
    {
        Now = time.GetUtcNow();
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Contacts.OrderBy(p => p.Position)).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
        {
            return false;
        }
        Viewer = User.UserId();
        Role = await roles.CurrentRoleAsync(User);
        if (consultation.Status == ConsultationStatus.Draft && !IsOfficial)
        {
            return false;
        }
        Consultation = consultation;
        Status = consultation.EffectiveStatus(Now);
        if (Viewer is { } v)
        {
            Following = await db.IsFollowingAsync(v, FollowerMail.SubjectKind, id);
            HasCommented = await db.Comments.AnyAsync(c => c.ConsultationId == id && c.AuthorId == v);
            MyRating = await db.ProcessRatings.AsNoTracking().FirstOrDefaultAsync(r => r.ConsultationId == id && r.UserId == v);
        }
        return await LoadSubjectAsync();
    }

    /// <summary>Loads what the page is about within the consultation (the unit, from the route); false when it does not exist.</summary>
    protected virtual Task<bool> LoadSubjectAsync() => Task.FromResult(true);

    /// <summary>The unit comments on this page are about, from the route; null for the whole draft.</summary>
    protected virtual Guid? SubjectUnitId => null;

    /// <summary>Fills what the page shows; called on GET and to re-show the page with errors.</summary>
    protected abstract Task LoadPageAsync();

    private async Task<IActionResult> Redisplay()
    {
        await LoadPageAsync();
        return Page();
    }

    private RedirectResult Back(string? anchor = null) => Redirect(Request.PathBase + Request.Path + (anchor is null ? "" : "#" + anchor));

    /// <summary>Counts a participant's write; when over the limit, says so with a Retry-After and returns the message.</summary>
    private string? TooFast()
    {
        if (HttpContext.RequestServices.GetRequiredService<ParticipationLimiter>().TryAcquire(HttpContext) is not { } wait)
        {
            return null;
        }
        var seconds = ParticipationLimiter.Seconds(wait);
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Participation.TooFast"], seconds);
    }

    /// <summary>The page again with its errors and 429, so whatever was typed stays in the form.</summary>
    private async Task<IActionResult> RedisplayTooMany()
    {
        await LoadPageAsync();
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (Viewer is not { } author)
        {
            return Challenge();
        }
        var user = await users.FindByIdAsync(author.ToString());
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        if (TooFast() is { } tooFast)
        {
            ModelState.AddModelError("Comment.Text", tooFast);
            return await RedisplayTooMany();
        }
        if (!Consultation.AcceptsComments(time.GetUtcNow()))
        {
            ModelState.AddModelError("Comment.Text", t["Comment.Closed"]);
            return await Redisplay();
        }
        var text = (Comment.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxCommentLength)
        {
            ModelState.AddModelError("Comment.Text", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Comment.TooLong"], MaxCommentLength, text.Length));
        }
        if (TextRules.HasUnsafeCharacters(text))
        {
            ModelState.AddModelError("Comment.Text", t["Comment.BadCharacters"]);
        }
        if (!Enum.IsDefined(Comment.Shown) || (Comment.Shown == AuthorShown.Organisation && user.Kind != AccountKind.Organisation))
        {
            ModelState.AddModelError("Comment.Shown", L("Validation.Invalid"));
        }
        // The unit comes from the route; a reply belongs to a comment on the same unit (or the same whole draft).
        var unitId = SubjectUnitId;
        if (Comment.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.ConsultationId == id);
            if (parent is null || parent.ParentId is not null || parent.UnitId != unitId)
            {
                ModelState.AddModelError("Comment.Text", t["Comment.NoParent"]);
            }
            else if (parent.HiddenAt is not null)
            {
                ModelState.AddModelError("Comment.Text", t["Comment.HiddenNoReply"]);
            }
        }
        if (ModelState.IsValid)
        {
            // The same words twice from one person on one subject within a day are a slip or a flood, not a second proposal.
            var since = time.GetUtcNow().AddHours(-24);
            var recent = await db.Comments.AsNoTracking()
                .Where(c => c.ConsultationId == id && c.UnitId == unitId && c.ParentId == Comment.ParentId && c.AuthorId == author && c.CreatedAt >= since)
                .Select(c => c.Text).ToListAsync();
            if (recent.Any(r => TextRules.SameText(r, text)))
            {
                ModelState.AddModelError("Comment.Text", t["Comment.Duplicate"]);
            }
        }
        if (!ModelState.IsValid)
        {
            return await Redisplay();
        }

        var now = time.GetUtcNow();
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            TenantId = Consultation.TenantId,
            ConsultationId = id,
            UnitId = unitId,
            ParentId = Comment.ParentId,
            AuthorId = author,
            Shown = Comment.Shown,
            OrganisationName = Comment.Shown == AuthorShown.Organisation ? user.OrganisationName : null,
            Text = text,
            CreatedAt = now,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        TempData["Status"] = t["Comment.Saved"].Value;
        return Back("c-" + comment.Id);
    }

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid commentId)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (Viewer is not { } user)
        {
            return Challenge();
        }
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == id);
        if (comment is null)
        {
            return NotFound();
        }
        if (TooFast() is { } tooFast)
        {
            ModelState.AddModelError("", tooFast);
            return await RedisplayTooMany();
        }
        if (!Consultation.AcceptsComments(time.GetUtcNow()))
        {
            TempData["Status"] = t["Comment.Closed"].Value;
            return Back();
        }
        if (comment.HiddenAt is not null || comment.AuthorId == user)
        {
            TempData["Status"] = (comment.HiddenAt is not null ? t["Support.Hidden"] : t["Support.Own"]).Value;
            return Back("c-" + commentId);
        }
        // The primary key (comment, user) makes a second support a no-op, even when two arrive at once.
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CommentSupports" ("CommentId", "UserId", "CreatedAt") VALUES ({commentId}, {user}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """);
        if (added == 1)
        {
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportCount, c => c.SupportCount + 1));
        }
        TempData["Status"] = (added == 1 ? t["Support.Saved"] : t["Support.Already"]).Value;
        return Back("c-" + commentId);
    }

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid commentId, string? reason)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (Viewer is not { } user)
        {
            return Challenge();
        }
        var flagged = await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.ConsultationId == id).Select(c => new { c.HiddenAt }).FirstOrDefaultAsync();
        if (flagged is null)
        {
            return NotFound();
        }
        if (TooFast() is { } tooFast)
        {
            ModelState.AddModelError("", tooFast);
            return await RedisplayTooMany();
        }
        if (flagged.HiddenAt is not null)
        {
            TempData["Status"] = t["Flag.Hidden"].Value;
            return Back("c-" + commentId);
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            TempData["Status"] = t["Flag.ReasonNeeded"].Value;
            return Back("c-" + commentId);
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CommentFlags" ("Id", "CommentId", "ReporterId", "Reason", "CreatedAt") VALUES ({Guid.CreateVersion7()}, {commentId}, {user}, {reason}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """);
        TempData["Status"] = t["Flag.Saved"].Value;
        return Back("c-" + commentId);
    }

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (!IsModerator)
        {
            return Forbid();
        }
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == id);
        if (comment is null)
        {
            return NotFound();
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            TempData["Status"] = t["Hide.ReasonNeeded"].Value;
            return Back("c-" + commentId);
        }
        await Moderation.HideAsync(db, comment, Viewer!.Value, reason, time.GetUtcNow());
        TempData["Status"] = t["Hide.Saved"].Value;
        return Back("c-" + commentId);
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (Viewer is not { } user)
        {
            return Challenge();
        }
        if (TooFast() is { } tooFast)
        {
            ModelState.AddModelError("", tooFast);
            return await RedisplayTooMany();
        }
        if (follow)
        {
            await db.FollowAsync(user, FollowerMail.Subject(id, Consultation.TenantId), time.GetUtcNow());
        }
        else
        {
            await db.UnfollowAsync(user, FollowerMail.SubjectKind, id);
        }
        TempData["Status"] = (follow ? t["Follow.On"] : t["Follow.Off"]).Value;
        return Back();
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, int? score, string? remark)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (Viewer is not { } user)
        {
            return Challenge();
        }
        if (!HasCommented)
        {
            TempData["Status"] = t["Rate.OnlyAfterComment"].Value;
            return Back("rate");
        }
        remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (TooFast() is { } tooFast)
        {
            // The form shows what was chosen and written, not the stored rating.
            MyRating = new ProcessRating { ConsultationId = id, UserId = user, Score = score ?? 0, Remark = remark };
            ModelState.AddModelError("score", tooFast);
            return await RedisplayTooMany();
        }
        if (score is not (>= 1 and <= 5) || remark?.Length > 1000)
        {
            ModelState.AddModelError("score", t["Rate.Invalid"]);
            return await Redisplay();
        }
        var existing = await db.ProcessRatings.FirstOrDefaultAsync(r => r.ConsultationId == id && r.UserId == user);
        if (existing is null)
        {
            db.ProcessRatings.Add(new ProcessRating { ConsultationId = id, UserId = user, Score = score.Value, Remark = remark, CreatedAt = time.GetUtcNow() });
        }
        else
        {
            existing.Score = score.Value;
            existing.Remark = remark;
        }
        await db.SaveChangesAsync();
        TempData["Status"] = t["Rate.Saved"].Value;
        return Back("rate");
    }

    private string L(string key) => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
}

public static class Moderation
{
    /// <summary>Hides a comment with a reason; it stays in the record and in the counts. Logged with who and when.</summary>
    public static async Task HideAsync(GlasDbContext db, Comment comment, Guid moderator, string reason, DateTimeOffset now)
    {
        if (comment.HiddenAt is null)
        {
            comment.HiddenAt = now;
            comment.HiddenBy = moderator;
            comment.HiddenReason = reason;
        }
        await db.CommentFlags.Where(f => f.CommentId == comment.Id && f.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now));
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = comment.TenantId,
            ActorUserId = moderator,
            Action = "comment.hidden",
            Subject = $"comment:{comment.Id}",
            Details = reason,
            At = now,
        });
        await db.SaveChangesAsync();
    }
}
