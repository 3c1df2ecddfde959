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
