using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>The project form as typed: amounts, dates and lists are text until they are read.</summary>
public sealed class ProjectFormInput
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? ContractNumber { get; set; }
    public string? ContractDate { get; set; }
    public string? Programme { get; set; }
    public string? ProgrammeFunding { get; set; }
    public string? PriorityAxis { get; set; }
    public string? ProcedureCode { get; set; }
    public string? ProcedureName { get; set; }
    public string? IsunUrl { get; set; }
    public string? Role { get; set; }
    public string? LeadOrganisation { get; set; }
    public string? LeadOrganisationEik { get; set; }
    public string? Partners { get; set; }
    public string? Currency { get; set; }
    public string? TotalValue { get; set; }
    public string? Grant { get; set; }
    public string? GrantEu { get; set; }
    public string? GrantNational { get; set; }
    public string? OwnCofinancing { get; set; }
    public string? OwnContribution { get; set; }
    public string? OwnBudgetSpent { get; set; }
    public string? EuSharePercent { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? FirstYear { get; set; }
    public string? LastYear { get; set; }
    public string? Status { get; set; }
    public string? CurrentStage { get; set; }
    public string? Description { get; set; }
    public string? GeneralGoal { get; set; }
    public string? SpecificGoals { get; set; }
    public string? Activities { get; set; }
    public string? TargetGroups { get; set; }
    public string? ExpectedResults { get; set; }
    public string? PlaceOfExecution { get; set; }
    public string? Indicators { get; set; }
    public bool ReconciliationOverride { get; set; }
    public string? OverrideReason { get; set; }

    public static ProjectFormInput From(Project p) => new()
    {
        Code = p.Code, Title = p.Title, ContractNumber = p.ContractNumber, ContractDate = ProjectEditor.Inv(p.ContractDate), Programme = p.Programme,
        ProgrammeFunding = p.ProgrammeFunding, PriorityAxis = p.PriorityAxis, ProcedureCode = p.ProcedureCode, ProcedureName = p.ProcedureName, IsunUrl = p.IsunUrl,
        Role = p.Role.ToString(), LeadOrganisation = p.LeadOrganisation?.Name, LeadOrganisationEik = p.LeadOrganisation?.Eik,
        Partners = string.Join('\n', p.Partners.OrderBy(x => x.Position).Select(x => x.Organisation!.Name + (x.Organisation.Eik is { } e ? $" [{e}]" : ""))),
        Currency = p.Currency.ToString(), TotalValue = MoneyInput.Show(p.TotalValue), Grant = MoneyInput.Show(p.Grant), GrantEu = MoneyInput.Show(p.GrantEu),
        GrantNational = MoneyInput.Show(p.GrantNational), OwnCofinancing = MoneyInput.Show(p.OwnCofinancing), OwnContribution = MoneyInput.Show(p.OwnContribution),
        OwnBudgetSpent = MoneyInput.Show(p.OwnBudgetSpent), EuSharePercent = MoneyInput.Show(p.EuSharePercent),
        StartDate = ProjectEditor.Inv(p.StartDate), EndDate = ProjectEditor.Inv(p.EndDate),
        FirstYear = p.FirstYear?.ToString(CultureInfo.InvariantCulture), LastYear = p.LastYear?.ToString(CultureInfo.InvariantCulture),
        Status = p.Status.ToString(), CurrentStage = p.CurrentStage, Description = p.Description, GeneralGoal = p.GeneralGoal,
        SpecificGoals = string.Join('\n', p.SpecificGoals), Activities = string.Join('\n', p.Activities), TargetGroups = string.Join('\n', p.TargetGroups),
        ExpectedResults = string.Join('\n', p.ExpectedResults), PlaceOfExecution = p.PlaceOfExecution,
        Indicators = string.Join('\n', p.Indicators.OrderBy(x => x.Position).Select(x => $"{x.Name} | {MoneyInput.Show(x.Target)} | {MoneyInput.Show(x.Achieved)}")),
        ReconciliationOverride = p.ReconciliationOverride, OverrideReason = p.OverrideReason,
    };
}

/// <summary>What the new and edit pages share: the form, reading it into <see cref="ProjectInput"/>, saving.</summary>
[Authorize(Policy = Policies.Official)]
public abstract class ProjectFormModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : PageModel
{
    [BindProperty]
    public ProjectFormInput Input { get; set; } = new();

    protected GlasDbContext Db => db;
    protected ProjectEditor Editor => editor;
    protected IStringLocalizer<ProjectsText> T => t;

    public IEnumerable<SelectListItem> StatusItems => Enum.GetValues<ProjectStatus>().Select(s => new SelectListItem(t["Status." + s], s.ToString()));
    public IEnumerable<SelectListItem> RoleItems => Enum.GetValues<AdministrationRole>().Select(r => new SelectListItem(t["Role." + r], r.ToString()));
    public IEnumerable<SelectListItem> CurrencyItems => Enum.GetValues<Currency>().Select(c => new SelectListItem(t["Currency." + c], c.ToString()));

    /// <summary>Reads the form; every unreadable value becomes a field error.</summary>
    protected ProjectInput? Read(IReadOnlyList<PaymentInput>? payments = null)
    {
        var i = Input;
        decimal? Money(string? text, string field)
        {
            if (MoneyInput.TryParse(text, out var v))
            {
                return v;
            }
            ModelState.AddModelError("Input." + field, t["Error.Amount"]);
            return null;
        }
        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
            ModelState.AddModelError("Input." + field, t["Error.DateFormat"]);
            return null;
        }
        int? Year(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                return y;
            }
            ModelState.AddModelError("Input." + field, t["Error.Year"]);
            return null;
        }
        T Choice<T>(string? text, string field) where T : struct, Enum
        {
            if (Enum.TryParse<T>(text, false, out var v) && Enum.IsDefined(v) && !(text ?? "").Any(char.IsDigit))
            {
                return v;
            }
            ModelState.AddModelError("Input." + field, t["Error.Invalid"]);
            return default;
        }
        static List<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var indicators = new List<IndicatorInput>();
        foreach (var line in Lines(i.Indicators))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length > 3 || !MoneyInput.TryParse(parts.ElementAtOrDefault(1), out var target) || !MoneyInput.TryParse(parts.ElementAtOrDefault(2), out var achieved))
            {
                ModelState.AddModelError("Input.Indicators", t["Error.IndicatorLine", line.Length > 60 ? line[..60] : line]);
                break;
            }
            indicators.Add(new IndicatorInput(parts[0], target, achieved));
        }
        var input = new ProjectInput
        {
            Code = i.Code, Title = i.Title, ContractNumber = i.ContractNumber, ContractDate = Date(i.ContractDate, nameof(i.ContractDate)),
            Programme = i.Programme, ProgrammeFunding = i.ProgrammeFunding, PriorityAxis = i.PriorityAxis, ProcedureCode = i.ProcedureCode,
            ProcedureName = i.ProcedureName, IsunUrl = i.IsunUrl, Role = Choice<AdministrationRole>(i.Role, nameof(i.Role)),
            LeadOrganisation = i.LeadOrganisation, LeadOrganisationEik = i.LeadOrganisationEik,
            Partners = ProjectsCsv.ParsePartners(string.Join(';', Lines(i.Partners))),
            Currency = Choice<Currency>(i.Currency, nameof(i.Currency)),
            TotalValue = Money(i.TotalValue, nameof(i.TotalValue)), Grant = Money(i.Grant, nameof(i.Grant)), GrantEu = Money(i.GrantEu, nameof(i.GrantEu)),
            GrantNational = Money(i.GrantNational, nameof(i.GrantNational)), OwnCofinancing = Money(i.OwnCofinancing, nameof(i.OwnCofinancing)),
            OwnContribution = Money(i.OwnContribution, nameof(i.OwnContribution)), OwnBudgetSpent = Money(i.OwnBudgetSpent, nameof(i.OwnBudgetSpent)),
            EuSharePercent = Money(i.EuSharePercent, nameof(i.EuSharePercent)),
            Payments = payments,
            StartDate = Date(i.StartDate, nameof(i.StartDate)), EndDate = Date(i.EndDate, nameof(i.EndDate)),
            FirstYear = Year(i.FirstYear, nameof(i.FirstYear)), LastYear = Year(i.LastYear, nameof(i.LastYear)),
            Status = Choice<ProjectStatus>(i.Status, nameof(i.Status)), CurrentStage = i.CurrentStage, Description = i.Description, GeneralGoal = i.GeneralGoal,
            SpecificGoals = Lines(i.SpecificGoals), Activities = Lines(i.Activities), TargetGroups = Lines(i.TargetGroups), ExpectedResults = Lines(i.ExpectedResults),
            PlaceOfExecution = i.PlaceOfExecution, Indicators = indicators,
            ReconciliationOverride = i.ReconciliationOverride, OverrideReason = i.OverrideReason,
        };
        return ModelState.IsValid ? input : null;
    }

    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
        {
            var field = e.Field is "Payments" or "" ? "" : "Input." + e.Field;
            ModelState.AddModelError(field, e.Message);
        }
    }
}

public sealed class NewModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : ProjectFormModel(db, editor, t)
{
    public void OnGet() => Input = new ProjectFormInput { Status = nameof(ProjectStatus.InProgress), Role = nameof(AdministrationRole.Beneficiary), Currency = nameof(Currency.EUR) };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Read([]) is not { } input)
        {
            return Page();
        }
        var errors = await Editor.ValidateAsync(input, null, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }
        var project = await Editor.CreateAsync(input, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{project.Id}");
    }
}

public sealed class EditModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : ProjectFormModel(db, editor, t)
{
    public Guid Id { get; private set; }
    public string ProjectTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(Db, id, tracking: false, ct) is not { } project)
        {
            return NotFound();
        }
        (Id, ProjectTitle) = (id, project.Title);
        Input = ProjectFormInput.From(project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(Db, id, tracking: true, ct) is not { } project)
        {
            return NotFound();
        }
        (Id, ProjectTitle) = (id, project.Title);
        if (Read() is not { } input)
        {
            return Page();
        }
        var errors = await Editor.ValidateAsync(input, project, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }
        await Editor.UpdateAsync(project, input, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (await Db.Projects.FindAsync([id], ct) is not { } project)
        {
            return NotFound();
        }
        if (!confirm)
        {
            (Id, ProjectTitle) = (id, project.Title);
            ModelState.AddModelError("confirm", T["Delete.Confirm.Required"]);
            Input = ProjectFormInput.From((await ProjectQueries.FullAsync(Db, id, tracking: false, ct))!);
            return Page();
        }
        await Editor.DeleteAsync(project, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Deleted"].Value;
        return Redirect($"{Request.PathBase}/projects");
    }
}
