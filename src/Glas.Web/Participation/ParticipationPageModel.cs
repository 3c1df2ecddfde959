using System.Globalization;
using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation;

/// <summary>
/// The base of a module's page about one subject people take part in (a consultation, a project …):
/// the POST handlers of the shared comment partials (post, edit, support, flag, hide, un-hide) and of
/// the follow button. The comments and notifications components check every action again on the
/// server; the module's page says what its subject is and how to show the page again.
/// </summary>
public abstract class ParticipationPageModel : PageModel
{
    /// <summary>The comments component's kind for this page's subject.</summary>
    protected abstract string CommentKind { get; }

    /// <summary>How the page's comment form names its fields.</summary>
    protected abstract CommentFields CommentFields { get; }

    /// <summary>The unit of the subject the page's comments are about (e.g. an article), or null for the whole subject.</summary>
    protected virtual Guid? CommentUnitId => null;

    /// <summary>Finds the subject as the viewer may see it and remembers it for the page; false when it is not there for them.</summary>
    protected abstract Task<bool> FindSubjectAsync(Guid id);

    /// <summary>What following the page's subject follows (called after <see cref="FindSubjectAsync"/>).</summary>
    protected abstract FollowSubject FollowSubject(Guid id);

    /// <summary>Fills what the page shows; called on GET and to show the page again with its errors.</summary>
    protected abstract Task LoadPageAsync();

    /// <summary>The status line after following or no longer following.</summary>
    protected virtual string FollowedMessage(bool follow) =>
        Localizer<NotificationsText>()[follow ? "Follow.On" : "Follow.Off"].Value;

    protected string Here => Request.PathBase + Request.Path;

    /// <summary>Where a comment action returns to: this page, or a page may add what it needs to show the comment (e.g. which part is open).</summary>
    protected virtual string BackTo => Here;

    protected RedirectResult Back(string? anchor = null) => Redirect(Here + (anchor is null ? "" : "#" + anchor));

    protected IStringLocalizer<T> Localizer<T>() => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<T>>();

    private CommentActions Actions => HttpContext.RequestServices.GetRequiredService<CommentActions>();

    /// <summary>Answers a comment action: back to the page, or the page again with the messages.</summary>
    protected Task<IActionResult> AnswerAsync(CommentOutcome outcome, string? action, string? posted) =>
        this.AnswerAsync(outcome, CommentFields, action, posted, LoadPageAsync, BackTo);

    /// <summary>Posts a comment or reply from the page's form (the unit comes from the route, never the form).</summary>
    protected async Task<IActionResult> PostCommentAsync(Guid id, CommentPost post)
    {
        // Only the comment form's own fields count: a page's other forms (e.g. a document upload) are not posted with it.
        var fields = CommentFields;
        foreach (var key in ModelState.Keys.Where(k => k != fields.Text && k != fields.Shown && k != fields.ParentId && k != fields.Target).ToList())
        {
            ModelState.Remove(key);
        }
        return !await FindSubjectAsync(id) ? NotFound()
            : !ModelState.IsValid ? await AnswerAsync(new CommentOutcome(CommentResult.Invalid), null, null)
            : await AnswerAsync(await Actions.PostAsync(HttpContext, CommentKind, id, CommentUnitId, post), null, post.Text);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid commentId, string? text) =>
        await FindSubjectAsync(id) ? await AnswerAsync(await Actions.EditAsync(HttpContext, CommentKind, id, commentId, text), "edit", text) : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid commentId) =>
        await FindSubjectAsync(id) ? await AnswerAsync(await Actions.SupportAsync(HttpContext, CommentKind, id, commentId), null, null) : NotFound();

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid commentId, string? reason) =>
        await FindSubjectAsync(id) ? await AnswerAsync(await Actions.FlagAsync(HttpContext, CommentKind, id, commentId, reason), "flag", reason) : NotFound();

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason) =>
        await FindSubjectAsync(id) ? await AnswerAsync(await Actions.HideAsync(HttpContext, CommentKind, id, commentId, reason), "hide", reason) : NotFound();

    public async Task<IActionResult> OnPostUnhideAsync(Guid id, Guid commentId, string? reason) =>
        await FindSubjectAsync(id) ? await AnswerAsync(await Actions.UnhideAsync(HttpContext, CommentKind, id, commentId, reason), "unhide", reason) : NotFound();

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow)
    {
        if (!await FindSubjectAsync(id))
        {
            return NotFound();
        }
        if (User.UserId() is not { } user)
        {
            return Challenge();
        }
        if (TooFast(Localizer<NotificationsText>()["Follow.TooFast"]) is { } tooFast)
        {
            ModelState.AddModelError("", tooFast);
            return await ShowAgainAsync(StatusCodes.Status429TooManyRequests);
        }
        var db = HttpContext.RequestServices.GetRequiredService<GlasDbContext>();
        var subject = FollowSubject(id);
        if (follow)
        {
            await db.FollowAsync(user, subject, HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), HttpContext.RequestAborted);
        }
        else
        {
            await db.UnfollowAsync(user, subject.Kind, subject.Id, HttpContext.RequestAborted);
        }
        TempData["Status"] = FollowedMessage(follow);
        return Back();
    }

    /// <summary>Counts a participant's write; when over the limit, sets Retry-After and returns <paramref name="format"/> with the seconds.</summary>
    protected string? TooFast(string format)
    {
        if (HttpContext.RequestServices.GetRequiredService<ParticipationLimiter>().TryAcquire(HttpContext) is not { } wait)
        {
            return null;
        }
        var seconds = ParticipationLimiter.Seconds(wait);
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.CurrentCulture, format, seconds);
    }

    /// <summary>The page again with its messages (and the status, e.g. 429), so whatever was typed stays in the form.</summary>
    protected async Task<IActionResult> ShowAgainAsync(int status = StatusCodes.Status200OK)
    {
        await LoadPageAsync();
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
