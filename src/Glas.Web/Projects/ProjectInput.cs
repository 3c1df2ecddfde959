using System.Text.Json.Serialization;

namespace Glas.Web.Projects;

public sealed record PartnerInput(string Name, string? Eik = null);

public sealed record PaymentInput(decimal Amount, DateOnly? PaidOn = null, string? Note = null);

public sealed record IndicatorInput(string Name, decimal? Target = null, decimal? Achieved = null);

/// <summary>
/// Everything a person or program may set on a project: the body of the API's POST/PUT, what the
/// edit form and the imports produce. Never the entity itself.
/// </summary>
public sealed record ProjectInput
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? ContractNumber { get; init; }
    public DateOnly? ContractDate { get; init; }
    public string? Programme { get; init; }
    public string? ProgrammeFunding { get; init; }
    public string? PriorityAxis { get; init; }
    public string? ProcedureCode { get; init; }
    public string? ProcedureName { get; init; }
    public string? IsunUrl { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<AdministrationRole>))]
    public AdministrationRole Role { get; init; }

    public string? LeadOrganisation { get; init; }
    public string? LeadOrganisationEik { get; init; }
    public IReadOnlyList<PartnerInput>? Partners { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<Currency>))]
    public Currency Currency { get; init; }

    public decimal? TotalValue { get; init; }
    public decimal? Grant { get; init; }
    public decimal? GrantEu { get; init; }
    public decimal? GrantNational { get; init; }
    public decimal? OwnCofinancing { get; init; }
    public decimal? OwnContribution { get; init; }
    public decimal? OwnBudgetSpent { get; init; }
    public decimal? EuSharePercent { get; init; }

    /// <summary>Null leaves the payments as they are; a list replaces them.</summary>
    public IReadOnlyList<PaymentInput>? Payments { get; init; }

    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? FirstYear { get; init; }
    public int? LastYear { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
    public ProjectStatus Status { get; init; }

    public string? CurrentStage { get; init; }
    public string? Description { get; init; }
    public string? GeneralGoal { get; init; }
    public IReadOnlyList<string>? SpecificGoals { get; init; }
    public IReadOnlyList<string>? Activities { get; init; }
    public IReadOnlyList<string>? TargetGroups { get; init; }
    public IReadOnlyList<string>? ExpectedResults { get; init; }
    public string? PlaceOfExecution { get; init; }

    /// <summary>Null leaves the indicators as they are; a list replaces them.</summary>
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }

    /// <summary>Save sums that do not reconcile, as the source has them; needs a reason.</summary>
    public bool ReconciliationOverride { get; init; }

    public string? OverrideReason { get; init; }

    public static ProjectInput From(Project p) => new()
    {
        Code = p.Code,
        Title = p.Title,
        ContractNumber = p.ContractNumber,
        ContractDate = p.ContractDate,
        Programme = p.Programme,
        ProgrammeFunding = p.ProgrammeFunding,
        PriorityAxis = p.PriorityAxis,
        ProcedureCode = p.ProcedureCode,
        ProcedureName = p.ProcedureName,
        IsunUrl = p.IsunUrl,
        Role = p.Role,
        LeadOrganisation = p.LeadOrganisation?.Name,
        LeadOrganisationEik = p.LeadOrganisation?.Eik,
        Partners = p.Partners.OrderBy(x => x.Position).Select(x => new PartnerInput(x.Organisation!.Name, x.Organisation.Eik)).ToList(),
        Currency = p.Currency,
        TotalValue = p.TotalValue,
        Grant = p.Grant,
        GrantEu = p.GrantEu,
        GrantNational = p.GrantNational,
        OwnCofinancing = p.OwnCofinancing,
        OwnContribution = p.OwnContribution,
        OwnBudgetSpent = p.OwnBudgetSpent,
        EuSharePercent = p.EuSharePercent,
        StartDate = p.StartDate,
        EndDate = p.EndDate,
        FirstYear = p.FirstYear,
        LastYear = p.LastYear,
        Status = p.Status,
        CurrentStage = p.CurrentStage,
        Description = p.Description,
        GeneralGoal = p.GeneralGoal,
        SpecificGoals = p.SpecificGoals,
        Activities = p.Activities,
        TargetGroups = p.TargetGroups,
        ExpectedResults = p.ExpectedResults,
        PlaceOfExecution = p.PlaceOfExecution,
        ReconciliationOverride = p.ReconciliationOverride,
        OverrideReason = p.OverrideReason,
    };
}
