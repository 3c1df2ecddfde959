using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>
/// The official's page of a policy: report an indicator's value (a correction keeps the old one),
/// update a measure's status and progress, add goals, measures and indicators, link the policy to
/// its consultation and to the register's projects, add its documents. Each form is checked on the
/// server, audited, and followers are told of values and progress.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ManageModel(GlasDbContext db, MonitoringEditor editor, DocumentLibrary library, TenantContext tenant, IStringLocalizer<MonitoringText> t) : PageModel
{
    public PolicyCard Card { get; private set; } = null!;

    public PolicyLinks Links { get; private set; } = null!;

    public List<DocumentView> Documents { get; private set; } = [];

    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public DocumentUploadForm UploadForm => new("Document", PolicyDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    [BindProperty]
    public LinksForm Link { get; set; } = new();

    /// <summary>The administration's consultations, newest first, to link the policy to one.</summary>
    public List<SelectListItem> ConsultationItems { get; private set; } = [];

    /// <summary>For an association: its member municipalities, one of which an indicator may measure.</summary>
    public IReadOnlyList<string> Members => tenant.Tenant is { Kind: TenantKind.Association } a ? a.Members : [];

    public IEnumerable<SelectListItem> MunicipalityItems => [new(t["Municipality.None"], ""), .. Members.Select(m => new SelectListItem(m, m))];

    /// <summary>Earlier values that corrections replaced, newest first.</summary>
    public List<IndicatorValue> Replaced { get; private set; } = [];

    [BindProperty]
    public ValueForm Value { get; set; } = new();

    [BindProperty]
    public ProgressForm Progress { get; set; } = new();

    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    [BindProperty]
    public MeasureForm Measure { get; set; } = new();

    [BindProperty]
    public IndicatorForm Indicator { get; set; } = new();

    public IEnumerable<SelectListItem> IndicatorItems => Card.Goals.SelectMany(g => g.Indicators)
        .Select(i => new SelectListItem($"{i.Indicator.Name} ({i.Indicator.UnitLabel})", i.Indicator.Id.ToString()));

    public IEnumerable<SelectListItem> MeasureItems => Card.Goals.SelectMany(g => g.Measures)
        .Select(m => new SelectListItem($"{m.Measure.Title} ({t["MeasureStatus." + m.Measure.Status]}, {m.Measure.Progress} %)", m.Measure.Id.ToString()));

    public IEnumerable<SelectListItem> GoalItems => Card.Goals.Select(g => new SelectListItem(g.Goal.Title, g.Goal.Id.ToString()));

    public IEnumerable<SelectListItem> StatusItems => Enum.GetValues<MeasureStatus>().Select(s => new SelectListItem(t["MeasureStatus." + s], s.ToString()));

    public IEnumerable<SelectListItem> UnitItems => Enum.GetValues<IndicatorUnit>().Select(s => new SelectListItem(t["Unit." + s], s.ToString()));

    public IEnumerable<SelectListItem> DirectionItems => Enum.GetValues<IndicatorDirection>().Select(s => new SelectListItem(t["Direction." + s], s.ToString()));

    public IEnumerable<SelectListItem> CurrencyItems => [new(t["Currency.None"], ""), new("BGN", "BGN"), new("EUR", "EUR")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Value = new ValueForm { Year = (editor.Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await MonitoringQueries.CardAsync(db, id, editor.Today, ct) is not { } card)
        {
            return false;
        }
        Card = card;
        var ids = card.Goals.SelectMany(g => g.Indicators).Select(i => i.Indicator.Id).ToList();
        Replaced = await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId) && v.ReplacedAt != null)
            .OrderByDescending(v => v.ReplacedAt).Take(50).ToListAsync(ct);
        Links = await PolicyLinks.LoadAsync(db, card.Policy, ct);
        Documents = await library.ListAsync(PolicyDocumentSubjects.SubjectKind, id, ct);
        ConsultationItems = [new(t["Link.NoConsultation"], ""), .. (await db.Consultations.AsNoTracking()
                .Where(c => c.Status != Consultations.ConsultationStatus.Draft).OrderByDescending(c => c.OpensAt).Take(300)
                .Select(c => new { c.Id, c.RegNumber, c.Title }).ToListAsync(ct))
            .Select(c => new SelectListItem($"{c.RegNumber} — {c.Title}", c.Id.ToString(), c.Id == card.Policy.ConsultationId))];
        return true;
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Document", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return (await library.AddAsync(PolicyDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = t["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}/monitoring/policies/{id}/manage");
        });
    }

    public async Task<IActionResult> OnPostConsultationAsync(Guid id, CancellationToken ct)
    {
        // A value that is not an id is refused, not read as "no consultation" (which would unlink it).
        var unreadable = ModelState.GetFieldValidationState("Link.ConsultationId") == ModelValidationState.Invalid;
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        if (unreadable || Link.ConsultationId is { } cid && !await db.Consultations.AnyAsync(c => c.Id == cid && c.Status != Consultations.ConsultationStatus.Draft, ct))
        {
            ModelState.AddModelError("Link.ConsultationId", t["Error.Consultation"]);
            return await AnswerAsync(id, "", ct);
        }
        policy.ConsultationId = Link.ConsultationId;
        policy.UpdatedAt = editor.Now;
        editor.Audit(await editor.ActorAsync(User, ct), "policy.consultation", policy.Id, Link.ConsultationId?.ToString() ?? "-");
        return await AnswerAsync(id, "Link.Saved", ct);
    }

    public async Task<IActionResult> OnPostProjectAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        var project = await PolicyLinks.FindProjectAsync(db, Link.Project, ct);
        if (project is null)
        {
            ModelState.AddModelError("Link.Project", t[string.IsNullOrWhiteSpace(Link.Project) ? "Error.Project.Required" : "Error.Project"]);
            return await AnswerAsync(id, "", ct);
        }
        if (!await db.PolicyProjects.AnyAsync(x => x.PolicyId == policy.Id && x.ProjectId == project.Value, ct))
        {
            db.PolicyProjects.Add(new PolicyProject { PolicyId = policy.Id, ProjectId = project.Value, TenantId = policy.TenantId });
            policy.UpdatedAt = editor.Now;
            editor.Audit(await editor.ActorAsync(User, ct), "policy.project.link", policy.Id, project.Value.ToString());
        }
        return await AnswerAsync(id, "Link.Saved", ct);
    }

    public async Task<IActionResult> OnPostUnlinkProjectAsync(Guid id, Guid projectId, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        if (await db.PolicyProjects.FirstOrDefaultAsync(x => x.PolicyId == policy.Id && x.ProjectId == projectId, ct) is { } link)
        {
            db.PolicyProjects.Remove(link);
            policy.UpdatedAt = editor.Now;
            editor.Audit(await editor.ActorAsync(User, ct), "policy.project.unlink", policy.Id, projectId.ToString());
        }
        return await AnswerAsync(id, "Link.Saved", ct);
    }

    private async Task<Policy?> PolicyAsync(Guid id, CancellationToken ct) => await db.Policies.FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Shows the form again with its messages (422), or goes back to the page with the status line.</summary>
    private async Task<IActionResult> AnswerAsync(Guid id, string saved, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t[saved].Value;
        return Redirect($"{Request.PathBase}/monitoring/policies/{id}/manage");
    }

    public async Task<IActionResult> OnPostValueAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        var indicator = Value.IndicatorId is { } iid ? await IndicatorOfAsync(policy.Id, iid, ct) : null;
        if (indicator is null)
        {
            ModelState.AddModelError("Value.IndicatorId", t["Error.Indicator"]);
            return await AnswerAsync(id, "", ct);
        }
        var bad = false;
        var year = FormReading.Whole(Value.Year, ref bad);
        var (errors, number) = editor.CheckValue(indicator, new ValueInput(year, Value.Value, Value.SourceNote));
        ModelState.AddErrors("Value", errors, t);
        if (ModelState.IsValid)
        {
            await editor.ReportValueAsync(policy, indicator, year!.Value, number, Value.SourceNote!, await editor.ActorAsync(User, ct), ct);
        }
        return await AnswerAsync(id, "Value.Saved", ct);
    }

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        var goalIds = db.PolicyGoals.Where(g => g.PolicyId == policy.Id).Select(g => g.Id);
        var measure = Progress.MeasureId is { } mid ? await db.PolicyMeasures.FirstOrDefaultAsync(m => m.Id == mid && goalIds.Contains(m.GoalId), ct) : null;
        if (measure is null)
        {
            ModelState.AddModelError("Progress.MeasureId", t["Error.Measure"]);
            return await AnswerAsync(id, "", ct);
        }
        var bad = false;
        var progress = FormReading.Whole(Progress.Progress, ref bad);
        var status = FormReading.Enum<MeasureStatus>(Progress.Status) ?? (MeasureStatus)(-1);
        ModelState.AddErrors("Progress", MonitoringEditor.CheckProgress(status, progress), t);
        if (ModelState.IsValid)
        {
            editor.UpdateMeasure(policy, measure, status, progress!.Value, await editor.ActorAsync(User, ct));
        }
        return await AnswerAsync(id, "Progress.Saved", ct);
    }

    public async Task<IActionResult> OnPostGoalAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        ModelState.AddErrors("Goal", MonitoringEditor.CheckGoal(Goal.Title), t);
        if (ModelState.IsValid)
        {
            var position = await db.PolicyGoals.CountAsync(g => g.PolicyId == policy.Id, ct);
            editor.AddGoal(policy, Goal.Title!, position, await editor.ActorAsync(User, ct));
        }
        return await AnswerAsync(id, "Goal.Saved", ct);
    }

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        var goal = Measure.GoalId is { } gid ? await db.PolicyGoals.FirstOrDefaultAsync(g => g.Id == gid && g.PolicyId == policy.Id, ct) : null;
        if (goal is null)
        {
            ModelState.AddModelError("Measure.GoalId", t["Error.Goal"]);
            return await AnswerAsync(id, "", ct);
        }
        var bad = false;
        var start = FormReading.Date(Measure.PlannedStart, ref bad);
        var startBad = bad;
        bad = false;
        var end = FormReading.Date(Measure.PlannedEnd, ref bad);
        var endBad = bad;
        var budget = MonitoringEditor.ParseNumber(Measure.Budget);
        var input = new MeasureInput(Measure.Title, Measure.ResponsibleUnit, start, end, budget, string.IsNullOrEmpty(Measure.Currency) ? null : Measure.Currency);
        var errors = MonitoringEditor.Check(input);
        if (startBad)
        {
            errors.RemoveAll(e => e.Field == "PlannedStart");
            errors.Add(new("PlannedStart", "Error.Date"));
        }
        if (endBad)
        {
            errors.RemoveAll(e => e.Field == "PlannedEnd");
            errors.Add(new("PlannedEnd", "Error.Date"));
        }
        if (!string.IsNullOrWhiteSpace(Measure.Budget) && budget is null)
        {
            errors.Add(new("Budget", "Error.NotANumber"));
        }
        ModelState.AddErrors("Measure", errors, t);
        if (ModelState.IsValid)
        {
            var position = await db.PolicyMeasures.CountAsync(m => m.GoalId == goal.Id, ct);
            editor.AddMeasure(policy, goal, input, position, await editor.ActorAsync(User, ct));
        }
        return await AnswerAsync(id, "Measure.Saved", ct);
    }

    public async Task<IActionResult> OnPostIndicatorAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await PolicyAsync(id, ct) is not { } policy)
        {
            return NotFound();
        }
        var goal = Indicator.GoalId is { } gid ? await db.PolicyGoals.FirstOrDefaultAsync(g => g.Id == gid && g.PolicyId == policy.Id, ct) : null;
        if (goal is null)
        {
            ModelState.AddModelError("Indicator.GoalId", t["Error.Goal"]);
            return await AnswerAsync(id, "", ct);
        }
        var i = Indicator;
        var bad = false;
        var input = new IndicatorInput(i.Name, i.Code, FormReading.Enum<IndicatorUnit>(i.Unit) ?? (IndicatorUnit)(-1), i.UnitLabel,
            MonitoringEditor.ParseNumber(i.BaselineValue), FormReading.Whole(i.BaselineYear, ref bad),
            MonitoringEditor.ParseNumber(i.TargetValue), FormReading.Whole(i.TargetYear, ref bad),
            FormReading.Enum<IndicatorDirection>(i.Direction) ?? (IndicatorDirection)(-1), i.DataSource, i.Frequency);
        var errors = MonitoringEditor.Check(input);
        foreach (var (field, text, parsed) in new[] { ("BaselineValue", i.BaselineValue, input.BaselineValue), ("TargetValue", i.TargetValue, input.TargetValue) })
        {
            if (!string.IsNullOrWhiteSpace(text) && parsed is null)
            {
                errors.RemoveAll(e => e.Field == field);
                errors.Add(new(field, "Error.NotANumber"));
            }
        }
        ModelState.AddErrors("Indicator", errors, t);
        var municipality = string.IsNullOrWhiteSpace(i.Municipality) ? null : i.Municipality.Trim();
        if (municipality is not null && !Members.Contains(municipality, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Indicator.Municipality", t["Error.Municipality"]);
        }
        if (ModelState.IsValid)
        {
            var position = await db.PolicyIndicators.CountAsync(x => x.GoalId == goal.Id, ct);
            editor.AddIndicator(policy, goal, input, position, await editor.ActorAsync(User, ct)).Municipality = municipality;
        }
        return await AnswerAsync(id, "Indicator.Saved", ct);
    }

    private async Task<PolicyIndicator?> IndicatorOfAsync(Guid policyId, Guid indicatorId, CancellationToken ct)
    {
        var goalIds = db.PolicyGoals.Where(g => g.PolicyId == policyId).Select(g => g.Id);
        return await db.PolicyIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId && goalIds.Contains(i.GoalId), ct);
    }
}
