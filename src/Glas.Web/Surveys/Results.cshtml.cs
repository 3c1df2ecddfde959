using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>One free-text answer as the results list it.</summary>
public sealed record TextAnswer(Guid Id, string? Text, bool TextHidden, DateTimeOffset SubmittedAt);

/// <summary>
/// Results: tables (with a chart beside each distribution), means and medians, counts per day
/// and per group, filtered by group or by an answer, and the free-text answers page by page.
/// Officials and moderators see them at once; everyone once they are published.
/// </summary>
public sealed class ResultsModel(GlasDbContext db, SurveyStore store, TimeProvider time, IAuthorizationService authorization, IStringLocalizer<SurveysText> t) : PageModel
{
    public const int TextPageSize = 20;

    public Survey Survey { get; private set; } = null!;
    public SurveyDefinition Definition { get; private set; } = new();
    public SurveyResultSet Results { get; private set; } = null!;
    public ResultsFilter Filter { get; private set; } = new();
    public bool IsStaff { get; private set; }
    public bool CanModerate { get; private set; }
    public bool ShowText => IsStaff || Survey.TextPublished;
    public SurveyQuestion? TextQuestion { get; private set; }
    public List<TextAnswer> Texts { get; private set; } = [];
    public Pager TextPager { get; private set; } = new(1, TextPageSize, 0);
    public bool FilterInvalid { get; private set; }

    public IEnumerable<SelectListItem> Groups => RespondentGroups.All.Select(g => new SelectListItem(t["Group." + g], g, g == Filter.Group))
        .Prepend(new SelectListItem(t["Results.AllGroups"], ""));

    public IEnumerable<SelectListItem> AnswerItems => Definition.Questions.Where(q => q.IsChoice)
        .SelectMany(q => q.Options.Select(o => (q, o.Code, o.Label)).Concat(q.AllowOther ? [(q, SurveyCodes.Other, SurveyCodes.OtherLabel)] : []))
        .Select(x => new SelectListItem($"{x.q.No}. {(x.q.Text.Length > 50 ? x.q.Text[..49] + "…" : x.q.Text)} — {x.Label}",
            SurveyCodes.Encode(x.q.No, 0, x.Code).ToString(System.Globalization.CultureInfo.InvariantCulture), SurveyCodes.Encode(x.q.No, 0, x.Code) == Filter.Code))
        .Prepend(new SelectListItem(t["Results.AllAnswers"], ""));

    public string Query => string.Join('&', new[]
    {
        Filter.Group is { } g ? "group=" + Uri.EscapeDataString(g) : null,
        Filter.Code is { } c ? "answer=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(x => x is not null));

    private async Task<bool> LoadAsync(Guid id)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (survey is null)
        {
            return false;
        }
        Survey = survey;
        IsStaff = await SurveysApi.IsStaffAsync(authorization, User);
        CanModerate = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Moderator)).Succeeded;
        Definition = survey.Questionnaire();
        return IsStaff || survey.ResultsPublished;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? group, int? answer, int? text, int? p, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var filter = SurveysApi.ParseFilter(Definition, group, answer);
        if (filter is null)
        {
            FilterInvalid = true;
            filter = new ResultsFilter();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Filter = filter;
        Results = await store.ResultsAsync(Survey, Filter, ct);
        if (text is { } no && Definition.Question(no) is { } q && (q.IsText || q.AllowOther) && ShowText && !Results.Suppressed)
        {
            TextQuestion = q;
            await LoadTextsAsync(q, p, ct);
        }
        return Page();
    }

    private async Task LoadTextsAsync(SurveyQuestion q, int? page, CancellationToken ct)
    {
        var key = q.No.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == Survey.Id && r.SubmittedAt != null)
            .Where(r => EF.Functions.JsonExists(r.Answers, key));
        if (!IsStaff)
        {
            query = query.Where(r => !r.TextHidden);
        }
        if (Filter.Group is { } g)
        {
            query = query.Where(r => r.Group == g);
        }
        if (Filter.Code is { } c)
        {
            query = query.Where(r => r.Codes.Contains(c));
        }
        var rows = query.Select(r => new { r.Id, r.Answers, r.TextHidden, r.SubmittedAt });
        TextPager = new Pager(page, TextPageSize, await rows.CountAsync(ct), (Query.Length > 0 ? Query + "&" : "") + "text=" + key);
        var list = await rows.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).Skip(TextPager.Skip).Take(TextPager.Size).ToListAsync(ct);
        Texts = list.Select(r => new TextAnswer(r.Id, AnswerRules.FromJson(r.Answers).GetValueOrDefault(q.No)?.Text, r.TextHidden, r.SubmittedAt!.Value))
            .Where(x => x.Text is not null).ToList();
    }

    /// <summary>A moderator hides (or shows again) one response's free text.</summary>
    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid response, bool hide, int? text, CancellationToken ct)
    {
        if (!await LoadAsync(id) || !CanModerate)
        {
            return User.Identity?.IsAuthenticated == true && Survey is not null ? Forbid() : NotFound();
        }
        var changed = await db.SurveyResponses.Where(r => r.Id == response && r.SurveyId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.TextHidden, hide), ct);
        if (changed == 0)
        {
            return NotFound();
        }
        db.AuditEntries.Add(new AuditEntry { TenantId = Survey.TenantId, ActorUserId = User.UserId(), Action = hide ? "survey.text.hide" : "survey.text.show", Subject = $"survey:{id}", Details = $"response:{response}", At = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/surveys/{id}/results?text={text}#texts");
    }
}
