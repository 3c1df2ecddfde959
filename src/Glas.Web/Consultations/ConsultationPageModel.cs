using Glas.Web.Participation;
using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>
/// What the consultation page and the unit page share: loading the consultation for the viewer, and
/// rating the process. Comments and following are the shared <see cref="ParticipationPageModel"/>'s
/// (the comments component re-checks on the server that the consultation is open now, whatever the
/// form says). Every participant's action counts against the rate limit.
/// </summary>
public abstract class ConsultationPageModel(
    GlasDbContext db,
    TimeProvider time,
    TenantRoles roles,
    UserManager<GlasUser> users,
    IOptions<ConsultationOptions> options,
    IStringLocalizer<ConsultationsText> t) : ParticipationPageModel
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

    /// <summary>
    /// The process is rated once the consultation has closed, by those who took part: not while they
    /// are still reading and commenting.
    /// </summary>
    public bool RatingOpen => Status is ConsultationStatus.Closed or ConsultationStatus.ReportPublished or ConsultationStatus.Adopted;

    /// <summary>The rating form is offered on the consultation page (not on every unit's), to those who commented, after the close.</summary>
    public bool OffersRating => UnitNumber is null && HasCommented && RatingOpen;

    /// <summary>The consultation's launched feedback form (a survey), offered instead of the short rating when there is one.</summary>
    public Guid? FeedbackForm { get; private set; }

    public sealed class CommentInput
    {
        public string? Text { get; set; }

        public AuthorShown Shown { get; set; } = AuthorShown.DisplayName;
        public Guid? ParentId { get; set; }

        /// <summary>The part of the draft the comment is about, on the consultation page (a unit's page has it in its route).</summary>
        public Guid? Target { get; set; }
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
            if (HasCommented && RatingOpen)
            {
                FeedbackForm = await Surveys.SurveyFeedback.LaunchedFormAsync(db, ConsultationComments.Kind, id);
            }
        }
        return await LoadSubjectAsync();
    }

    /// <summary>Loads what the page is about within the consultation (the unit, from the route); false when it does not exist.</summary>
    protected virtual Task<bool> LoadSubjectAsync() => Task.FromResult(true);

    /// <summary>The unit comments on this page are about, from the route; null for the whole draft.</summary>
    protected virtual Guid? SubjectUnitId => null;


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

    protected override string CommentKind => ConsultationComments.Kind;

    protected override CommentFields CommentFields => Fields;

    protected override Guid? CommentUnitId => SubjectUnitId;

    protected override Task<bool> FindSubjectAsync(Guid id) => LoadConsultationAsync(id);

    protected override FollowSubject FollowSubject(Guid id) => FollowerMail.Subject(id, Consultation.TenantId);

    protected override string FollowedMessage(bool follow) => t[follow ? "Follow.On" : "Follow.Off"].Value;

    public Task<IActionResult> OnPostCommentAsync(Guid id) => PostCommentAsync(id, new CommentPost(Comment.Text, Comment.Shown, Comment.ParentId));

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
        if (!HasCommented || !RatingOpen)
        {
            TempData["Status"] = t["Rate.OnlyAfterComment"].Value;
            return Back(HasCommented ? null : "rate");
        }
        if (FeedbackForm is { } form)
        {
            // The consultation has a feedback form: its assessment is given there, not here.
            return Redirect($"{Request.PathBase}/surveys/{form}");
        }
        remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (TooFast(t["Participation.TooFast"]) is { } tooFast)
        {
            // The form shows what was chosen and written, not the stored rating.
            MyRating = new ProcessRating { ConsultationId = id, UserId = user, Score = score ?? 0, Remark = remark };
            ModelState.AddModelError("score", tooFast);
            return await ShowAgainAsync(StatusCodes.Status429TooManyRequests);
        }
        if (score is not (>= 1 and <= 5) || remark?.Length > 1000)
        {
            ModelState.AddModelError("score", t["Rate.Invalid"]);
            return await ShowAgainAsync();
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
