using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>
/// What the consultation page and the unit page share: loading the consultation for the viewer,
/// the comment actions (through the shared comments component, which re-checks on the server that
/// the consultation is open now, whatever the form says), and following and rating. Every
/// participant's action counts against the rate limit.
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
            HasCommented = await db.Comments.On(ConsultationComments.Kind, id).AnyAsync(c => c.AuthorId == v);
            OrganisationName = (await users.FindByIdAsync(v.ToString()))?.OrganisationName;
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

    /// <summary>What the shared comment partials show: this page's comments and what the viewer may do with them.</summary>
    public CommentsPanel CommentsPanel(List<CommentView> comments, string label) => new()
    {
        Kind = ConsultationComments.Kind,
        Fields = Fields,
        Comments = comments,
        Viewer = Viewer,
        CanComment = CanComment,
        Open = Status == ConsultationStatus.Open,
        CanModerate = IsModerator,
        MaxLength = MaxCommentLength,
        Now = Now,
        Label = label,
        Organisation = OrganisationName,
    };

    private static readonly CommentFields Fields = CommentFields.Nested("Comment");

    /// <summary>The organisation the viewer may post for, or null.</summary>
    public string? OrganisationName { get; private set; }

    private CommentActions Actions => HttpContext.RequestServices.GetRequiredService<CommentActions>();

    private string Here => Request.PathBase + Request.Path;

    private Task<IActionResult> Answer(CommentOutcome outcome, string? action, string? posted) =>
        this.AnswerAsync(outcome, Fields, action, posted, LoadPageAsync, Here);

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await Answer(new CommentOutcome(CommentResult.Invalid), null, null);
        }
        // The unit comes from the route; a reply belongs to a comment on the same unit (or the same whole draft).
        var post = new CommentPost(Comment.Text, Comment.Shown, Comment.ParentId);
        return await Answer(await Actions.PostAsync(HttpContext, ConsultationComments.Kind, id, SubjectUnitId, post), null, Comment.Text);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid commentId, string? text) =>
        await LoadConsultationAsync(id) ? await Answer(await Actions.EditAsync(HttpContext, ConsultationComments.Kind, id, commentId, text), "edit", text) : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid commentId) =>
        await LoadConsultationAsync(id) ? await Answer(await Actions.SupportAsync(HttpContext, ConsultationComments.Kind, id, commentId), null, null) : NotFound();

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid commentId, string? reason) =>
        await LoadConsultationAsync(id) ? await Answer(await Actions.FlagAsync(HttpContext, ConsultationComments.Kind, id, commentId, reason), "flag", reason) : NotFound();

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason) =>
        await LoadConsultationAsync(id) ? await Answer(await Actions.HideAsync(HttpContext, ConsultationComments.Kind, id, commentId, reason), "hide", reason) : NotFound();

    public async Task<IActionResult> OnPostUnhideAsync(Guid id, Guid commentId, string? reason) =>
        await LoadConsultationAsync(id) ? await Answer(await Actions.UnhideAsync(HttpContext, ConsultationComments.Kind, id, commentId, reason), "unhide", reason) : NotFound();

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

}
