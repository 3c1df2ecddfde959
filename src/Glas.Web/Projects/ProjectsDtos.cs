namespace Glas.Web.Projects;

public sealed record ProjectSummaryDto(Guid Id, string? Code, string Title, string Status, string Role, string? Programme, string? LeadOrganisation,
    string Currency, decimal? TotalValue, decimal? Grant, decimal Paid, DateOnly? StartDate, DateOnly? EndDate)
{
    public static ProjectSummaryDto From(ProjectRow r) => new(r.Id, r.Code, r.Title, r.Status.ToString(), r.Role.ToString(), r.Programme, r.LeadOrganisation,
        r.Currency.ToString(), r.TotalValue, r.Grant, r.PaidTotal, r.StartDate, r.EndDate);
}

public sealed record TotalsDto(string Currency, int Count, decimal TotalValue, decimal Grant, decimal Paid);

public sealed record ProjectListDto(IReadOnlyList<ProjectSummaryDto> Items, int Page, int PageSize, int Total, IReadOnlyList<TotalsDto> Totals, decimal TotalValueEur);

public sealed record OrganisationDto(Guid Id, string Name, string? Eik);

public sealed record PaymentDto(Guid Id, DateOnly? PaidOn, decimal Amount, string? Note);

public sealed record DocumentDto(string Title, string Kind, DateTimeOffset PublishedAt, string? Url);

public sealed record ChangeDto(DateTimeOffset At, string Who, string Field, string? OldValue, string? NewValue);

public sealed record ProjectDto(
    Guid Id, string? Code, string Title, string? ContractNumber, DateOnly? ContractDate, string? Programme, string? ProgrammeFunding, string? PriorityAxis,
    string? ProcedureCode, string? ProcedureName, string? IsunUrl, string Role, OrganisationDto? LeadOrganisation, IReadOnlyList<OrganisationDto> Partners,
    string Currency, decimal? TotalValue, decimal? Grant, decimal? GrantEu, decimal? GrantNational, decimal? OwnCofinancing, decimal? OwnContribution,
    decimal? OwnBudgetSpent, decimal? EuSharePercent, decimal Paid, decimal? TotalValueEur, bool ReconciliationOverride, string? OverrideReason,
    IReadOnlyList<PaymentDto> Payments, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<int> Years, string Status, string? CurrentStage,
    string? Description, string? GeneralGoal, IReadOnlyList<string> SpecificGoals, IReadOnlyList<string> Activities, IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> ExpectedResults, string? PlaceOfExecution, IReadOnlyList<IndicatorInput> Indicators, IReadOnlyList<DocumentDto> Documents,
    DateTimeOffset UpdatedAt)
{
    public static ProjectDto From(Project p) => new(
        p.Id, p.Code, p.Title, p.ContractNumber, p.ContractDate, p.Programme, p.ProgrammeFunding, p.PriorityAxis, p.ProcedureCode, p.ProcedureName, p.IsunUrl,
        p.Role.ToString(), p.LeadOrganisation is { } l ? new(l.Id, l.Name, l.Eik) : null,
        p.Partners.OrderBy(x => x.Position).Select(x => new OrganisationDto(x.OrganisationId, x.Organisation!.Name, x.Organisation.Eik)).ToList(),
        p.Currency.ToString(), p.TotalValue, p.Grant, p.GrantEu, p.GrantNational, p.OwnCofinancing, p.OwnContribution, p.OwnBudgetSpent, p.EuSharePercent,
        p.PaidTotal, p.TotalValueEur, p.ReconciliationOverride, p.OverrideReason,
        p.Payments.OrderBy(x => x.PaidOn).ThenBy(x => x.Id).Select(x => new PaymentDto(x.Id, x.PaidOn, x.Amount, x.Note)).ToList(),
        p.StartDate, p.EndDate, p.Years.ToList(), p.Status.ToString(), p.CurrentStage, p.Description, p.GeneralGoal, p.SpecificGoals, p.Activities,
        p.TargetGroups, p.ExpectedResults, p.PlaceOfExecution,
        p.Indicators.OrderBy(x => x.Position).Select(x => new IndicatorInput(x.Name, x.Target, x.Achieved)).ToList(),
        p.Documents.Select(x => new DocumentDto(x.Title, x.Type.ToString(), x.DocumentDate, x.Url)).ToList(),
        p.UpdatedAt);
}

public sealed record ImportLineDto(int Number, string? Code, string Result, string? Reason);

public sealed record ImportReportDto(int Created, int Changed, int Unchanged, int Rejected, IReadOnlyList<ImportLineDto> Lines)
{
    public static ImportReportDto From(ImportReport r) =>
        new(r.Created, r.Changed, r.Unchanged, r.Rejected, r.Lines.Select(l => new ImportLineDto(l.Number, l.Code, l.Result.ToString(), l.Reason)).ToList());
}
