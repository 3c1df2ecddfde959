using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>
/// Answering a survey, one page per section, without script: earlier sections' answers travel in
/// hidden fields and are checked again on every step; the response is stored whole at the end.
/// </summary>
public sealed class AnswerModel(GlasDbContext db, SurveyStore store, TimeProvider time, IAuthorizationService authorization, ParticipationLimiter limiter, Participation.Rules.RulesGate rules, IStringLocalizer<SurveysText> t) : PageModel
{
    public const string BrowserCookie = "glas-respondent";

    public Survey Survey { get; private set; } = null!;
    public SurveyDefinition Definition { get; private set; } = new();
    public int Section { get; private set; }
    public Dictionary<string, string[]> Values { get; private set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, Answer> Answers { get; private set; } = [];
    public bool Preview { get; private set; }
    public string? Invitation { get; private set; }
    public string? Group { get; private set; }

    /// <summary>Why the form is not shown (closed, answered, invitation needed …), or null.</summary>
    public string? Blocked { get; private set; }
    public bool Done { get; private set; }

    public bool IsLast => Section >= Definition.Sections.Count - 1;

    private async Task<IActionResult?> LoadAsync(Guid id, string? invitation, bool preview)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (survey is null)
        {
            return NotFound();
        }
        Survey = survey;
        Definition = survey.Questionnaire();
        Preview = preview && await SurveysApi.IsStaffAsync(authorization, User);
        if (!survey.Launched && !Preview)
        {
            return NotFound();
        }
        if (Preview)
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (!survey.IsOpen(now))
        {
            Blocked = t[survey.IsClosed(now) ? "Answer.Closed" : "Answer.NotYetOpen"];
            return null;
        }
        switch (survey.Audience)
        {
            case SurveyAudience.Participants when User.UserId() is null:
                return Challenge();
            case SurveyAudience.Participants:
                {
                    var mine = await db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(r => r.SurveyId == id && r.UserId == User.UserId());
                    if (mine?.SubmittedAt is not null)
                    {
                        Blocked = t["Answer.AlreadyAnswered"];
                    }
                    else if (mine is not null && Request.Method == HttpMethods.Get)
                    {
                        Answers = AnswerRules.FromJson(mine.Answers);
                        Values = AnswerRules.ToForm(Definition, Answers);
                        Group = mine.Group;
                    }
                    break;
                }
            case SurveyAudience.Invitation:
                if (await store.InvitationAsync(id, invitation, HttpContext.RequestAborted) is null)
                {
                    Blocked = t["Answer.InvitationOnly"];
                    Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                Invitation = invitation;
                break;
            default:
                if (Request.Cookies[BrowserCookie] is { Length: > 0 and <= 100 } cookie
                    && await db.SurveyResponses.AnyAsync(r => r.SurveyId == id && r.BrowserKey == SurveyStore.BrowserKey(cookie, id)))
                {
                    Blocked = t["Answer.AlreadyAnswered"];
                }
                break;
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? invitation, bool preview)
    {
        if (await LoadAsync(id, invitation, preview) is { } result)
        {
            return result;
        }
        if (Survey.Audience == SurveyAudience.Public && Request.Cookies[BrowserCookie] is null)
        {
            Response.Cookies.Append(BrowserCookie, SurveyStore.NewToken(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? invitation, bool preview, int s, string? go, string? group, CancellationToken ct)
    {
        if (await LoadAsync(id, invitation, preview) is { } result)
        {
            return result;
        }
        if (Blocked is not null)
        {
            return Page();
        }
        Values = Request.Form.Where(f => f.Key.Length > 1 && f.Key[0] == 'q' && char.IsAsciiDigit(f.Key[1]))
            .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        Group = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        var last = Math.Clamp(s, 0, Math.Max(0, Definition.Sections.Count - 1));
        if (go == "back")
        {
            Section = Math.Max(0, last - 1);
            Answers = AnswerRules.ReadUpTo(Definition, Values, Definition.Sections.Count - 1).Answers;
            return Page();
        }
        var (answers, errors, first) = AnswerRules.ReadUpTo(Definition, Values, last);
        Answers = answers;
        if (Survey.AskGroup && !RespondentGroups.IsKnown(Group))
        {
            errors.Insert(0, new AnswerError("group", "Answer.GroupRequired"));
            first = 0;
        }
        if (errors.Count > 0)
        {
            Section = Math.Max(0, first);
            foreach (var e in errors)
            {
                var message = t[e.Key, e.Args.Select(a => a is decimal d ? d.ToString("G29", CultureInfo.CurrentCulture) : a).ToArray()].Value;
                Errors.TryAdd(e.Field, message);
                ModelState.AddModelError(e.Field, message);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var userId = Survey.Audience == SurveyAudience.Participants ? User.UserId() : null;
        if (go == "save" && userId is { } saver && !Preview)
        {
            await store.SaveDraftAsync(Survey, saver, answers, Group, ct);
            Section = last;
            TempData["Status"] = t["Answer.DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        if (last < Definition.Sections.Count - 1)
        {
            if (userId is { } u && !Preview)
            {
                await store.SaveDraftAsync(Survey, u, answers, Group, ct);
            }
            Section = last + 1;
            return Page();
        }
        if (Preview)
        {
            Done = true;
            return Page();
        }
        // A signed-in respondent accepts the rules in force first (what they answered stays in the form).
        if (User.UserId() is { } respondent && await rules.RefusalAsync(respondent, ct) is { } acceptRules)
        {
            Section = last;
            ModelState.AddModelError(string.Empty, acceptRules);
            return Page();
        }
        if (Survey.Audience == SurveyAudience.Public && limiter.TryAcquire(HttpContext) is not null)
        {
            Section = last;
            ModelState.AddModelError(string.Empty, t["Answer.RateLimited"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        string? browserKey = null;
        if (Survey.Audience == SurveyAudience.Public)
        {
            var cookie = Request.Cookies[BrowserCookie] is { Length: > 0 and <= 100 } c ? c : SurveyStore.NewToken();
            browserKey = SurveyStore.BrowserKey(cookie, id);
            Response.Cookies.Append(BrowserCookie, cookie, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        }
        var outcome = await store.SubmitAsync(Survey, answers, Group, userId, browserKey, invitation, ct);
        switch (outcome)
        {
            case SubmitOutcome.Saved:
                Done = true;
                return Page();
            case SubmitOutcome.AlreadyAnswered:
                Blocked = t["Answer.AlreadyAnswered"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case SubmitOutcome.InvitationInvalid:
                Blocked = t["Answer.InvitationOnly"];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                Blocked = t["Answer.Closed"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    public string Value(string field) => Values.TryGetValue(field, out var v) && v.Length > 0 ? v[0] : "";

    public bool Has(string field, int code) => Values.TryGetValue(field, out var v) && v.Contains(code.ToString(CultureInfo.InvariantCulture));

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Values of other sections to carry in hidden fields; those of questions no longer shown are dropped.</summary>
    public IEnumerable<(string Name, string Value)> Carried()
    {
        var current = Definition.Sections.Count > Section ? Definition.Sections[Section].Questions.Select(q => q.No).ToHashSet() : [];
        var all = AnswerRules.ReadUpTo(Definition, Values, Definition.Sections.Count - 1).Answers;
        foreach (var q in Definition.Questions.Where(q => !current.Contains(q.No) && AnswerRules.IsShown(q, all)))
        {
            foreach (var (name, values) in Values.Where(v => v.Key == AnswerRules.Field(q.No) || v.Key.StartsWith(AnswerRules.Field(q.No) + "_", StringComparison.Ordinal)))
            {
                foreach (var value in values)
                {
                    yield return (name, value);
                }
            }
        }
    }
}
