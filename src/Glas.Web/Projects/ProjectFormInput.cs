using System.Globalization;

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
