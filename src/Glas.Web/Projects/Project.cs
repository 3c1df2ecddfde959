using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Projects;

public enum ProjectStatus
{
    ProposalSubmitted,
    Approved,
    ContractSigned,
    InProgress,
    Completed,
    Terminated,
}

/// <summary>What the administration is in a project: the beneficiary itself, its lead organisation, or a partner.</summary>
public enum AdministrationRole
{
    Beneficiary,
    LeadOrganisation,
    Partner,
}

public enum Currency
{
    BGN,
    EUR,
}

/// <summary>A body that leads or partners in projects; one record per tenant, shared by its projects.</summary>
public sealed class Organisation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }

    /// <summary>Upper-cased, whitespace-collapsed name: the key that makes "Община Левски" one record.</summary>
    public required string NormalizedName { get; set; }

    public string? Eik { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A project of the administration with its money, in the project's original currency.</summary>
public sealed class Project : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    // Identity
    public string? Code { get; set; }
    public required string Title { get; set; }
    public string? ContractNumber { get; set; }
    public DateOnly? ContractDate { get; set; }
    public string? Programme { get; set; }
    public string? ProgrammeFunding { get; set; }
    public string? PriorityAxis { get; set; }
    public string? ProcedureCode { get; set; }
    public string? ProcedureName { get; set; }
    public string? IsunUrl { get; set; }

    // Parties
    public AdministrationRole Role { get; set; }
    public Guid? LeadOrganisationId { get; set; }
    public Organisation? LeadOrganisation { get; set; }
    public List<ProjectPartner> Partners { get; set; } = [];

    // Money
    public Currency Currency { get; set; }
    public decimal? TotalValue { get; set; }
    public decimal? Grant { get; set; }
    public decimal? GrantEu { get; set; }
    public decimal? GrantNational { get; set; }
    public decimal? OwnCofinancing { get; set; }
    public decimal? OwnContribution { get; set; }
    public decimal? OwnBudgetSpent { get; set; }
    public decimal? EuSharePercent { get; set; }

    /// <summary>Sum of <see cref="Payments"/>, kept with them so that list totals need no join.</summary>
    public decimal PaidTotal { get; set; }

    /// <summary>Total value in euro (BGN at the fixed rate), for sorting and charts across currencies.</summary>
    public decimal? TotalValueEur { get; set; }

    /// <summary>An Official saved sums that do not reconcile, as the source has them; the reason is public.</summary>
    public bool ReconciliationOverride { get; set; }
    public string? OverrideReason { get; set; }

    // Time
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public ProjectStatus Status { get; set; }
    public string? CurrentStage { get; set; }

    // Substance
    public string? Description { get; set; }
    public string? GeneralGoal { get; set; }
    public List<string> SpecificGoals { get; set; } = [];
    public List<string> Activities { get; set; } = [];
    public List<string> TargetGroups { get; set; } = [];
    public List<string> ExpectedResults { get; set; } = [];
    public string? PlaceOfExecution { get; set; }

    public List<ProjectIndicator> Indicators { get; set; } = [];
    public List<ProjectPayment> Payments { get; set; } = [];
    /// <summary>The project's documents, kept by the documents component; filled by <see cref="ProjectQueries.FullAsync"/>.</summary>
    public List<DocumentView> Documents { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IEnumerable<int> Years => FirstYear is { } first ? Enumerable.Range(first, (LastYear ?? first) - first + 1) : [];
}

public sealed class ProjectPartner : ITenantOwned
{
    public Guid ProjectId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid TenantId { get; set; }
    public int Position { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>An amount actually paid to the project; the date is unknown for some sources.</summary>
public sealed class ProjectPayment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public DateOnly? PaidOn { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
}

public sealed class ProjectIndicator : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public decimal? Target { get; set; }
    public decimal? Achieved { get; set; }
}

public sealed class ProjectNews : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>One public line of a project's history: a change to its money, dates, status or payments.</summary>
public sealed class ProjectChange : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }

    /// <summary>The actor's public name when the change was made (or the import that made it).</summary>
    public required string ActorName { get; set; }

    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
