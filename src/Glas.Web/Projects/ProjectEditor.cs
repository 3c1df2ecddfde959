using System.Globalization;
using System.Text.RegularExpressions;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Who makes a change, as the public history names them.</summary>
public sealed record Actor(Guid? UserId, string Name);

public sealed record FieldError(string Field, string Message);

/// <summary>
/// Creates and changes projects for the pages, the API and the imports alike: checks the rules,
/// applies the input, writes the public change history and the audit entry. Callers save.
/// </summary>
public sealed partial class ProjectEditor(GlasDbContext db, TenantContext tenant, TimeProvider time, IStringLocalizer<ProjectsText> t, FilterOptionsCache cache, Notifier notifier)
{
    /// <summary>What people follow when they follow a project (see Participation/Notifications).</summary>
    public const string FollowKind = "project";

    private Dictionary<string, Organisation>? organisations;
    private bool replaced;

    public static readonly IReadOnlyDictionary<string, int> MaxLengths = new Dictionary<string, int>
    {
        [nameof(ProjectInput.Code)] = 60, [nameof(ProjectInput.Title)] = 500, [nameof(ProjectInput.ContractNumber)] = 80,
        [nameof(ProjectInput.Programme)] = 300, [nameof(ProjectInput.ProgrammeFunding)] = 300, [nameof(ProjectInput.PriorityAxis)] = 500,
        [nameof(ProjectInput.ProcedureCode)] = 60, [nameof(ProjectInput.ProcedureName)] = 500, [nameof(ProjectInput.IsunUrl)] = 500,
        [nameof(ProjectInput.LeadOrganisation)] = 300, [nameof(ProjectInput.CurrentStage)] = 2000, [nameof(ProjectInput.Description)] = 20000,
        [nameof(ProjectInput.GeneralGoal)] = 4000, [nameof(ProjectInput.PlaceOfExecution)] = 500, [nameof(ProjectInput.OverrideReason)] = 1000,
    };

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-_/]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{9}(\d{4})?$")]
    private static partial Regex EikPattern();

    public Guid TenantId => tenant.Required.Id;

    public string Text(string key, params object[] args) => t[key, args];

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

    /// <summary>Creates a project from valid input; the caller saves.</summary>
    public async Task<Project> CreateAsync(ProjectInput input, Actor actor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var project = new Project { Id = Guid.CreateVersion7(now), TenantId = TenantId, Title = "", CreatedAt = now };
        db.Projects.Add(project);
        await ApplyAsync(project, input, actor, isNew: true, ct);
        db.ProjectChanges.Add(Change(project, actor, now, "Created", null, project.Title.Length > 300 ? project.Title[..300] : project.Title));
        Audit(actor, "project.create", project, project.Code ?? project.Title);
        return project;
    }

    /// <summary>Applies valid input to <paramref name="project"/> (loaded with partners, payments and indicators); true when anything changed.</summary>
    public async Task<bool> UpdateAsync(Project project, ProjectInput input, Actor actor, CancellationToken ct = default)
    {
        replaced = false;
        var changes = await ApplyAsync(project, input, actor, isNew: false, ct);
        var entry = db.Entry(project);
        entry.DetectChanges();
        if (changes > 0 || replaced || entry.State == EntityState.Modified)
        {
            project.UpdatedAt = time.GetUtcNow();
            Audit(actor, "project.update", project, changes + " history lines");
            return true;
        }
        return false;
    }

    private async Task<int> ApplyAsync(Project p, ProjectInput i, Actor actor, bool isNew, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var history = new List<ProjectChange>();
        void Track(string field, string? before, string? after)
        {
            if (!isNew && before != after)
            {
                history.Add(Change(p, actor, now, field, before, after));
            }
        }

        p.Code = Clean(i.Code);
        p.Title = Clean(i.Title) ?? "";
        p.ContractNumber = Clean(i.ContractNumber);
        Track("ContractDate", Inv(p.ContractDate), Inv(i.ContractDate));
        p.ContractDate = i.ContractDate;
        p.Programme = Clean(i.Programme);
        p.ProgrammeFunding = Clean(i.ProgrammeFunding);
        p.PriorityAxis = Clean(i.PriorityAxis);
        p.ProcedureCode = Clean(i.ProcedureCode);
        p.ProcedureName = Clean(i.ProcedureName);
        p.IsunUrl = Clean(i.IsunUrl);
        p.Role = i.Role;

        var lead = Clean(i.LeadOrganisation) is { } leadName ? await OrganisationAsync(leadName, Clean(i.LeadOrganisationEik), ct) : null;
        p.LeadOrganisationId = lead?.Id;
        p.LeadOrganisation = lead;
        var partnerIds = new List<Organisation>();
        foreach (var partner in i.Partners ?? [])
        {
            var org = await OrganisationAsync(partner.Name, Clean(partner.Eik), ct);
            if (partnerIds.All(o => o.Id != org.Id))
            {
                partnerIds.Add(org);
            }
        }
        if (!p.Partners.OrderBy(x => x.Position).Select(x => x.OrganisationId).SequenceEqual(partnerIds.Select(o => o.Id)))
        {
            replaced = true;
            // Keep the rows of partners that stay (same key), so nothing is deleted and re-added.
            var kept = p.Partners.ToDictionary(x => x.OrganisationId);
            foreach (var gone in p.Partners.Where(x => partnerIds.All(o => o.Id != x.OrganisationId)).ToList())
            {
                p.Partners.Remove(gone);
                db.ProjectPartners.Remove(gone);
            }
            for (var n = 0; n < partnerIds.Count; n++)
            {
                if (kept.TryGetValue(partnerIds[n].Id, out var row))
                {
                    row.Position = n;
                }
                else
                {
                    p.Partners.Add(new ProjectPartner { ProjectId = p.Id, OrganisationId = partnerIds[n].Id, Organisation = partnerIds[n], TenantId = TenantId, Position = n });
                }
            }
        }

        Track("Currency", isNew ? null : p.Currency.ToString(), i.Currency.ToString());
        p.Currency = i.Currency;
        Track("TotalValue", Inv(p.TotalValue), Inv(i.TotalValue));
        p.TotalValue = i.TotalValue;
        Track("Grant", Inv(p.Grant), Inv(i.Grant));
        p.Grant = i.Grant;
        Track("GrantEu", Inv(p.GrantEu), Inv(i.GrantEu));
        p.GrantEu = i.GrantEu;
        Track("GrantNational", Inv(p.GrantNational), Inv(i.GrantNational));
        p.GrantNational = i.GrantNational;
        Track("OwnCofinancing", Inv(p.OwnCofinancing), Inv(i.OwnCofinancing));
        p.OwnCofinancing = i.OwnCofinancing;
        Track("OwnContribution", Inv(p.OwnContribution), Inv(i.OwnContribution));
        p.OwnContribution = i.OwnContribution;
        Track("OwnBudgetSpent", Inv(p.OwnBudgetSpent), Inv(i.OwnBudgetSpent));
        p.OwnBudgetSpent = i.OwnBudgetSpent;
        Track("EuSharePercent", Inv(p.EuSharePercent), Inv(i.EuSharePercent));
        p.EuSharePercent = i.EuSharePercent;
        p.TotalValueEur = p.TotalValue is { } total ? Currencies.ToEur(total, p.Currency) : null;

        if (i.Payments is { } payments)
        {
            var before = p.Payments.OrderBy(x => x.PaidOn).ThenBy(x => x.Amount).Select(x => (x.PaidOn, x.Amount, x.Note)).ToList();
            var after = payments.Select(x => (x.PaidOn, x.Amount, Note: Clean(x.Note))).OrderBy(x => x.PaidOn).ThenBy(x => x.Amount).ToList();
            if (!before.SequenceEqual(after))
            {
                replaced = true;
                db.ProjectPayments.RemoveRange(p.Payments);
                p.Payments.Clear();
                p.Payments.AddRange(after.Select(x => new ProjectPayment { Id = Guid.CreateVersion7(now), TenantId = TenantId, ProjectId = p.Id, PaidOn = x.PaidOn, Amount = x.Amount, Note = x.Note }));
                db.ProjectPayments.AddRange(p.Payments);
                SetPaid(p, p.Payments.Sum(x => x.Amount), actor, now, history, isNew);
                if (!isNew)
                {
                    Notify(p, "project.payment", actor);
                }
            }
        }

        Track("StartDate", Inv(p.StartDate), Inv(i.StartDate));
        p.StartDate = i.StartDate;
        Track("EndDate", Inv(p.EndDate), Inv(i.EndDate));
        p.EndDate = i.EndDate;
        (p.FirstYear, p.LastYear) = Reconciliation.Years(i.StartDate, i.EndDate, i.FirstYear, i.LastYear);
        Track("Status", isNew ? null : p.Status.ToString(), i.Status.ToString());
        if (!isNew && p.Status != i.Status)
        {
            Notify(p, "project.status", actor);
        }
        p.Status = i.Status;
        p.CurrentStage = Clean(i.CurrentStage);
        p.Description = CleanBlock(i.Description);
        p.GeneralGoal = CleanBlock(i.GeneralGoal);
        p.SpecificGoals = CleanList(i.SpecificGoals);
        p.Activities = CleanList(i.Activities);
        p.TargetGroups = CleanList(i.TargetGroups);
        p.ExpectedResults = CleanList(i.ExpectedResults);
        p.PlaceOfExecution = Clean(i.PlaceOfExecution);
        if (i.Indicators is { } indicators)
        {
            var before = p.Indicators.OrderBy(x => x.Position).Select(x => (x.Name, x.Target, x.Achieved)).ToList();
            var after = indicators.Select(x => (Name: Clean(x.Name)!, x.Target, x.Achieved)).ToList();
            if (!before.SequenceEqual(after))
            {
                replaced = true;
                db.ProjectIndicators.RemoveRange(p.Indicators);
                p.Indicators.Clear();
                p.Indicators.AddRange(after.Select((x, n) => new ProjectIndicator { Id = Guid.CreateVersion7(now), TenantId = TenantId, ProjectId = p.Id, Position = n, Name = x.Name, Target = x.Target, Achieved = x.Achieved }));
                db.ProjectIndicators.AddRange(p.Indicators);
            }
        }
        Track("ReconciliationOverride", isNew ? null : Flag(p.ReconciliationOverride, p.OverrideReason), Flag(i.ReconciliationOverride, Clean(i.OverrideReason)));
        p.ReconciliationOverride = i.ReconciliationOverride;
        p.OverrideReason = i.ReconciliationOverride ? Clean(i.OverrideReason) : null;
        if (isNew)
        {
            p.UpdatedAt = now;
        }
        db.ProjectChanges.AddRange(history);
        return history.Count;
    }

    private DateOnly Today() => DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(time.GetUtcNow()).DateTime);

    /// <summary>Adds, changes (<paramref name="paymentId"/> set) or removes (<paramref name="amount"/> null) one payment.</summary>
    public List<FieldError> ChangePayment(Project p, Guid? paymentId, decimal? amount, DateOnly? paidOn, string? note, Actor actor)
    {
        var now = time.GetUtcNow();
        var existing = paymentId is { } id ? p.Payments.FirstOrDefault(x => x.Id == id) : null;
        if (paymentId is not null && existing is null)
        {
            return [new("Payment", t["Error.PaymentNotFound"])];
        }
        if (amount is < 0 || (amount is { } a && decimal.Round(a, 2) != a))
        {
            return [new("Amount", t["Error.PaymentAmount"])];
        }
        if (amount is not null && paidOn is { } on && !Reconciliation.PaymentDateInRange(on, Today()))
        {
            return [new("PaidOn", t["Error.PaymentDate"])];
        }
        if (Clean(note) is { Length: > 300 } || (note is not null && HasControlCharacters(note)))
        {
            return [new("Note", t["Error.TooLong", 300])];
        }
        var paid = p.Payments.Where(x => x != existing).Sum(x => x.Amount) + (amount ?? 0);
        if (p.TotalValue is { } total && paid > total && !p.ReconciliationOverride)
        {
            return [new("Amount", Describe(new MoneyProblem(MoneyProblemKind.PaidOverTotal, "Paid", paid, total), p.Currency))];
        }
        var history = new List<ProjectChange>();
        var before = existing is null ? null : PaymentText(existing.PaidOn, existing.Amount);
        if (amount is { } value)
        {
            if (existing is null)
            {
                existing = new ProjectPayment { Id = Guid.CreateVersion7(now), TenantId = TenantId, ProjectId = p.Id };
                p.Payments.Add(existing);
                db.ProjectPayments.Add(existing);
            }
            existing.Amount = value;
            existing.PaidOn = paidOn;
            existing.Note = Clean(note);
        }
        else if (existing is not null)
        {
            p.Payments.Remove(existing);
            db.ProjectPayments.Remove(existing);
        }
        var after = amount is { } v ? PaymentText(paidOn, v) : null;
        if (before != after)
        {
            history.Add(Change(p, actor, now, "Payment", before, after));
        }
        SetPaid(p, paid, actor, now, history, isNew: false);
        db.ProjectChanges.AddRange(history);
        if (history.Count > 0)
        {
            p.UpdatedAt = now;
            Audit(actor, "project.payment", p, $"{before ?? "—"} → {after ?? "—"}");
            Notify(p, "project.payment", actor);
        }
        return [];
    }

    private void SetPaid(Project p, decimal paid, Actor actor, DateTimeOffset now, List<ProjectChange> history, bool isNew)
    {
        if (!isNew && p.PaidTotal != paid)
        {
            history.Add(Change(p, actor, now, "PaidTotal", Inv(p.PaidTotal), Inv(paid)));
        }
        p.PaidTotal = paid;
    }

    /// <summary>Tells the project's followers, when the change is saved.</summary>
    private void Notify(Project p, string kind, Actor actor) =>
        notifier.Queue(new FollowSubject(FollowKind, p.Id, p.TenantId), kind, p.Title, $"/projects/{p.Id}", actor.UserId);

    public async Task DeleteAsync(Project p, Actor actor, CancellationToken ct)
    {
        Audit(actor, "project.delete", p, p.Code ?? p.Title);
        // Comments name their subject without a foreign key; they go with the project (their supports and reports with them).
        db.Comments.RemoveRange(db.Comments.Where(c => c.SubjectKind == ProjectComments.Kind && c.SubjectId == p.Id).ToList());
        db.Projects.Remove(p);
        // Documents name their subject without a foreign key; they go with the project (their versions by cascade).
        db.Documents.RemoveRange(await db.Documents.Where(d => d.SubjectKind == ProjectDocumentSubjects.SubjectKind && d.SubjectId == p.Id).ToListAsync(ct));
    }

    /// <summary>Imports write one audit entry for the whole file instead of one per project (the public history keeps each).</summary>
    public bool AuditEachProject { get; set; } = true;

    public void Audit(Actor actor, string action, Project p, string? details)
    {
        // Every change passes here: the filter choices (programmes, organisations, years) may have changed.
        cache.Invalidate(TenantId);
        if (AuditEachProject)
        {
            Audit(actor, action, $"project:{p.Id}", details);
        }
    }

    public void Audit(Actor actor, string action, string subject, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = TenantId,
            ActorUserId = actor.UserId,
            Action = action,
            Subject = subject,
            Details = details is { Length: > 1000 } ? details[..1000] : details,
            At = time.GetUtcNow(),
        });

    private ProjectChange Change(Project p, Actor actor, DateTimeOffset at, string field, string? before, string? after) =>
        new() { TenantId = TenantId, ProjectId = p.Id, At = at, ActorUserId = actor.UserId, ActorName = actor.Name, Field = field, OldValue = Cut(before), NewValue = Cut(after) };

    private static string? Cut(string? s) => s is { Length: > 300 } ? s[..299] + "…" : s;

    /// <summary>The tenant's organisation with this name, created when new; an ЕИК fills in a missing one.</summary>
    public async Task<Organisation> OrganisationAsync(string name, string? eik, CancellationToken ct)
    {
        organisations ??= await db.Organisations.ToDictionaryAsync(o => o.NormalizedName, ct);
        var key = OrganisationNames.Normalize(name);
        if (!organisations.TryGetValue(key, out var org))
        {
            var now = time.GetUtcNow();
            org = new Organisation { Id = Guid.CreateVersion7(now), TenantId = TenantId, Name = OrganisationNames.Clean(name), NormalizedName = key, Eik = eik, CreatedAt = now };
            db.Organisations.Add(org);
            organisations[key] = org;
        }
        else if (org.Eik is null && eik is not null)
        {
            org.Eik = eik;
        }
        return org;
    }

    public static string PaymentText(DateOnly? on, decimal amount) => (on is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") + "|" + Inv(amount);

    public static string? Inv(decimal? v) => v?.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string? Inv(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool on, string? reason) => on ? "on|" + reason : "off";

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Multi-line text keeps its line breaks, with Windows ones made plain.</summary>
    private static string? CleanBlock(string? s) => Clean(s)?.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static List<string> CleanList(IReadOnlyList<string>? items) => (items ?? []).Select(Clean).OfType<string>().ToList();

    /// <summary>Control and bidi-override characters hide or reorder text; only line breaks and tabs pass.</summary>
    public static bool HasControlCharacters(string s) => Platform.Web.TextRules.HasUnsafeCharacters(s);
}
