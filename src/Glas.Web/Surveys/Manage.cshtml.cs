using Glas.Web.Consultations;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>The staff's list of surveys: start one (blank or from a template) or duplicate one.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ManageModel(GlasDbContext db, TenantContext tenant, TimeProvider time, IStringLocalizer<SurveysText> t) : PageModel
{
    public const int PageSize = 25;

    public List<(Survey Survey, int Responses)> Surveys { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, PageSize, 0);
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public string? NewTitle { get; set; }
    [BindProperty] public string? Template { get; set; }

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Pager = new Pager(p, PageSize, await db.Surveys.CountAsync(ct));
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var counts = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId) && r.SubmittedAt != null).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Surveys = surveys.Select(s => (s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var template = SurveyTemplates.Find(Template);
        var title = NewTitle?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            title = template?.Title;
        }
        if (!string.IsNullOrEmpty(Template) && template is null)
        {
            ModelState.AddModelError(nameof(Template), t["Manage.UnknownTemplate"]);
        }
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError(nameof(NewTitle), t["Builder.Required"]);
        }
        else if (title.Length > 300 || TextRules.HasUnsafeCharacters(title))
        {
            ModelState.AddModelError(nameof(NewTitle), t[title.Length > 300 ? "Answer.TooLong" : "Answer.UnsafeText", 300]);
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(1, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = time.GetUtcNow();
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Required.Id,
            Title = title!,
            Introduction = template?.Introduction,
            Audience = template?.Audience ?? SurveyAudience.Public,
            AskGroup = template?.AskGroup ?? false,
            Definition = (template?.Definition ?? new SurveyDefinition { Sections = [new SurveySection { Title = t["Builder.FirstSection"] }] }).ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        db.AuditEntries.Add(new AuditEntry { TenantId = survey.TenantId, ActorUserId = User.UserId(), Action = "survey.create", Subject = $"survey:{survey.Id}", Details = Template, At = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/surveys/{survey.Id}/edit");
    }

    /// <summary>
    /// Starts a consultation's feedback form from the assessment template (participants answer once,
    /// from the consultation's close), or opens the one it already has.
    /// </summary>
    public async Task<IActionResult> OnPostFeedbackAsync(Guid consultation, CancellationToken ct)
    {
        var subject = await db.Consultations.AsNoTracking().Where(c => c.Id == consultation).Select(c => new { c.Id, c.Title, c.ClosesAt }).FirstOrDefaultAsync(ct);
        if (subject is null)
        {
            return NotFound();
        }
        if (await SurveyFeedback.FormAsync(db, ConsultationComments.Kind, subject.Id, ct) is { } existing)
        {
            return Redirect($"{Request.PathBase}/surveys/{existing}/edit");
        }
        var template = SurveyTemplates.Find(SurveyFeedback.ConsultationTemplate)!;
        var now = time.GetUtcNow();
        var title = $"{template.Title}: {subject.Title}";
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Required.Id,
            Title = title.Length > 300 ? title[..299] + "…" : title,
            Introduction = template.Introduction,
            Audience = SurveyAudience.Participants,
            AskGroup = template.AskGroup,
            OpensAt = subject.ClosesAt,
            Definition = template.Definition.ToJson(),
            SubjectKind = ConsultationComments.Kind,
            SubjectId = subject.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        db.AuditEntries.Add(new AuditEntry { TenantId = survey.TenantId, ActorUserId = User.UserId(), Action = "survey.create", Subject = $"survey:{survey.Id}", Details = $"consultation:{subject.Id}", At = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/surveys/{survey.Id}/edit");
    }

    public async Task<IActionResult> OnPostDuplicateAsync(Guid id, CancellationToken ct)
    {
        var source = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        var copy = new Survey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = source.TenantId,
            Title = (t["Manage.CopyOf"] + " " + source.Title) is var title && title.Length > 300 ? title[..300] : title,
            Introduction = source.Introduction,
            ThankYou = source.ThankYou,
            Audience = source.Audience,
            AskGroup = source.AskGroup,
            Definition = source.Definition,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(copy);
        db.AuditEntries.Add(new AuditEntry { TenantId = copy.TenantId, ActorUserId = User.UserId(), Action = "survey.duplicate", Subject = $"survey:{copy.Id}", Details = $"survey:{id}", At = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/surveys/{copy.Id}/edit");
    }
}
