using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Projects;

/// <summary>The rules a project must keep: text, money, dates, codes and ЕИК.</summary>
public sealed partial class ProjectEditor
{
    /// <summary>Checks <paramref name="input"/> for <paramref name="existing"/> (null when creating).</summary>
    public async Task<List<FieldError>> ValidateAsync(ProjectInput input, Project? existing, CancellationToken ct = default)
    {
        var errors = Validate(input, existing);
        var code = Clean(input.Code);
        if (code is not null && !errors.Any(e => e.Field == nameof(ProjectInput.Code))
            && await db.Projects.AnyAsync(p => p.Code == code && (existing == null || p.Id != existing.Id), ct))
        {
            errors.Add(new(nameof(ProjectInput.Code), t["Error.CodeTaken", code]));
        }
        return errors;
    }

    /// <summary>Every rule that needs no database: text, money, dates.</summary>
    public List<FieldError> Validate(ProjectInput input, Project? existing)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new(nameof(ProjectInput.Title), t["Error.Required"]));
        }
        var texts = new Dictionary<string, string?>
        {
            [nameof(input.Code)] = input.Code, [nameof(input.Title)] = input.Title, [nameof(input.ContractNumber)] = input.ContractNumber,
            [nameof(input.Programme)] = input.Programme, [nameof(input.ProgrammeFunding)] = input.ProgrammeFunding, [nameof(input.PriorityAxis)] = input.PriorityAxis,
            [nameof(input.ProcedureCode)] = input.ProcedureCode, [nameof(input.ProcedureName)] = input.ProcedureName, [nameof(input.IsunUrl)] = input.IsunUrl,
            [nameof(input.LeadOrganisation)] = input.LeadOrganisation, [nameof(input.CurrentStage)] = input.CurrentStage, [nameof(input.Description)] = input.Description,
            [nameof(input.GeneralGoal)] = input.GeneralGoal, [nameof(input.PlaceOfExecution)] = input.PlaceOfExecution, [nameof(input.OverrideReason)] = input.OverrideReason,
        };
        foreach (var (field, value) in texts)
        {
            if (value is null)
            {
                continue;
            }
            if (value.Length > MaxLengths[field])
            {
                errors.Add(new(field, t["Error.TooLong", MaxLengths[field]]));
            }
            else if (HasControlCharacters(value))
            {
                errors.Add(new(field, t["Error.Characters"]));
            }
        }
        var lists = new Dictionary<string, IReadOnlyList<string>?>
        {
            [nameof(input.SpecificGoals)] = input.SpecificGoals, [nameof(input.Activities)] = input.Activities,
            [nameof(input.TargetGroups)] = input.TargetGroups, [nameof(input.ExpectedResults)] = input.ExpectedResults,
        };
        foreach (var (field, items) in lists)
        {
            if (items is null)
            {
                continue;
            }
            if (items.Count > 50 || items.Any(i => i is null || i.Length > 2000))
            {
                errors.Add(new(field, t["Error.ListTooLong"]));
            }
            else if (items.Any(HasControlCharacters))
            {
                errors.Add(new(field, t["Error.Characters"]));
            }
        }
        var partners = input.Partners ?? [];
        if (partners.Count > 50 || partners.Any(p => p is null || string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 300 || HasControlCharacters(p.Name)))
        {
            errors.Add(new(nameof(input.Partners), t["Error.Partners"]));
        }
        if (partners.Any(p => p?.Eik is { Length: > 0 } eik && !EikPattern().IsMatch(eik)) || (Clean(input.LeadOrganisationEik) is { } leadEik && !EikPattern().IsMatch(leadEik)))
        {
            errors.Add(new(nameof(input.Partners), t["Error.Eik"]));
        }
        if ((input.Indicators ?? []).Count > 50 || (input.Indicators ?? []).Any(i => i is null || string.IsNullOrWhiteSpace(i.Name) || i.Name.Length > 500 || HasControlCharacters(i.Name) || i.Target is < 0 || i.Achieved is < 0))
        {
            errors.Add(new(nameof(input.Indicators), t["Error.Indicators"]));
        }
        if (Clean(input.Code) is { } code && !CodePattern().IsMatch(code))
        {
            errors.Add(new(nameof(input.Code), t["Error.Code"]));
        }
        if (Clean(input.IsunUrl) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add(new(nameof(input.IsunUrl), t["Error.Url"]));
        }
        if (!Enum.IsDefined(input.Status) || !Enum.IsDefined(input.Role) || !Enum.IsDefined(input.Currency))
        {
            errors.Add(new(nameof(input.Status), t["Error.Invalid"]));
        }
        if ((input.Payments ?? []).Count > 500 || (input.Payments ?? []).Any(p => p is null || (p.Note?.Length ?? 0) > 300))
        {
            errors.Add(new(nameof(input.Payments), t["Error.Invalid"]));
        }
        foreach (var p in input.Payments ?? [])
        {
            if (p is not null && (p.Amount < 0 || decimal.Round(p.Amount, 2) != p.Amount))
            {
                errors.Add(new(nameof(input.Payments), t["Error.PaymentAmount"]));
                break;
            }
        }
        if ((input.Payments ?? []).Any(p => p?.PaidOn is { } on && !Reconciliation.PaymentDateInRange(on, Today())))
        {
            errors.Add(new(nameof(input.Payments), t["Error.PaymentDate"]));
        }

        foreach (var d in Reconciliation.CheckDates(input.ContractDate, input.StartDate, input.EndDate, input.FirstYear, input.LastYear))
        {
            errors.Add(new(d.Field, t["Error.Date." + d.Kind]));
        }

        var paid = input.Payments is { } payments ? payments.Where(p => p is not null).Sum(p => p.Amount) : existing?.PaidTotal ?? 0;
        var problems = Reconciliation.Check(Money(input, paid));
        foreach (var problem in problems)
        {
            if (problem.Overridable && input.ReconciliationOverride)
            {
                continue;
            }
            errors.Add(new(problem.Field == "Paid" ? nameof(input.Payments) : problem.Field, Describe(problem, input.Currency)));
        }
        if (input.ReconciliationOverride && string.IsNullOrWhiteSpace(input.OverrideReason))
        {
            errors.Add(new(nameof(input.OverrideReason), t["Error.OverrideReason"]));
        }
        return errors;
    }

    public static ProjectMoney Money(ProjectInput i, decimal paid) =>
        new(i.TotalValue, i.Grant, i.GrantEu, i.GrantNational, i.OwnCofinancing, i.OwnContribution, i.OwnBudgetSpent, paid, i.EuSharePercent);

    /// <summary>The broken rule in words, with the numbers that break it.</summary>
    public string Describe(MoneyProblem p, Currency currency)
    {
        string M(decimal? v) => MoneyFormat.Format(v ?? 0, currency);
        return p.Kind switch
        {
            MoneyProblemKind.Negative => t["Error.Negative", M(p.Left)],
            MoneyProblemKind.FractionOfCent => t["Error.FractionOfCent", p.Left.ToString(CultureInfo.InvariantCulture)],
            MoneyProblemKind.PercentOutOfRange => t["Error.Percent"],
            MoneyProblemKind.EuPlusNationalIsNotGrant => t["Error.EuPlusNational", M(p.A), M(p.B), M(p.Left), M(p.Right)],
            MoneyProblemKind.GrantPlusOwnIsNotTotal => t["Error.GrantPlusOwn", M(p.A), M(p.B), M(p.Left), M(p.Right)],
            MoneyProblemKind.PaidOverTotal => t["Error.PaidOverTotal", M(p.Left), M(p.Right)],
            _ => t["Error.Invalid"],
        };
    }
}
