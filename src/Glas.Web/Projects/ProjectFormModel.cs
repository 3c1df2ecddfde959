using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

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
