using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Projects;

/// <summary>The register's filters, as the list page and the API take them from the query string.</summary>
public sealed record ProjectFilter(int? Year = null, ProjectStatus? Status = null, string? Programme = null, AdministrationRole? Role = null, Guid? Organisation = null, string? Sort = null)
{
    public static readonly string[] Sorts = ["date-desc", "date-asc", "value-desc", "value-asc"];

    public string SortOrDefault => Sorts.Contains(Sort) ? Sort! : "date-desc";

    /// <summary>The filter as a query string, for paging and export links.</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (Year is { } y)
        {
            parts.Add("year=" + y);
        }
        if (Status is { } s)
        {
            parts.Add("status=" + s);
        }
        if (!string.IsNullOrEmpty(Programme))
        {
            parts.Add("programme=" + Uri.EscapeDataString(Programme));
        }
        if (Role is { } r)
        {
            parts.Add("role=" + r);
        }
        if (Organisation is { } o)
        {
            parts.Add("organisation=" + o);
        }
        if (Sort is not null && SortOrDefault != "date-desc")
        {
            parts.Add("sort=" + SortOrDefault);
        }
        return string.Join('&', parts);
    }
}

public sealed record ProjectRow(Guid Id, string? Code, string Title, ProjectStatus Status, AdministrationRole Role, string? Programme, string? LeadOrganisation,
    Currency Currency, decimal? TotalValue, decimal? Grant, decimal PaidTotal, DateOnly? StartDate, DateOnly? EndDate, int? FirstYear, int? LastYear);

/// <summary>Sums of the filtered projects in one currency.</summary>
public sealed record CurrencyTotals(Currency Currency, int Count, decimal TotalValue, decimal Grant, decimal Paid);

public sealed record RegisterTotals(int Count, IReadOnlyList<CurrencyTotals> ByCurrency)
{
    /// <summary>Everything converted to euro, each currency's sum at the fixed rate.</summary>
    public decimal TotalValueEur => ByCurrency.Sum(c => Currencies.ToEur(c.TotalValue, c.Currency));
    public decimal GrantEur => ByCurrency.Sum(c => Currencies.ToEur(c.Grant, c.Currency));
    public decimal PaidEur => ByCurrency.Sum(c => Currencies.ToEur(c.Paid, c.Currency));
}

/// <summary>One bar: the value in euro and in leva, each currency's sum converted once at the fixed rate.</summary>
public sealed record ChartBar(string Label, decimal ValueEur, decimal ValueBgn, int Count);

public static class ProjectQueries
{
    public const int PageSize = 20;

    public static IQueryable<Project> Filtered(GlasDbContext db, ProjectFilter f)
    {
        var q = db.Projects.AsNoTracking();
        if (f.Year is { } y)
        {
            q = q.Where(p => p.FirstYear <= y && p.LastYear >= y);
        }
        if (f.Status is { } s)
        {
            q = q.Where(p => p.Status == s);
        }
        if (!string.IsNullOrEmpty(f.Programme))
        {
            q = q.Where(p => p.Programme == f.Programme);
        }
        if (f.Role is { } r)
        {
            q = q.Where(p => p.Role == r);
        }
        if (f.Organisation is { } o)
        {
            q = q.Where(p => p.LeadOrganisationId == o || db.ProjectPartners.Any(pp => pp.ProjectId == p.Id && pp.OrganisationId == o));
        }
        return q;
    }

    public static IQueryable<Project> Sorted(IQueryable<Project> q, ProjectFilter f) => f.SortOrDefault switch
    {
        "date-asc" => q.OrderBy(p => p.StartDate == null).ThenBy(p => p.StartDate).ThenBy(p => p.Id),
        "value-desc" => q.OrderBy(p => p.TotalValueEur == null).ThenByDescending(p => p.TotalValueEur).ThenBy(p => p.Id),
        "value-asc" => q.OrderBy(p => p.TotalValueEur == null).ThenBy(p => p.TotalValueEur).ThenBy(p => p.Id),
        _ => q.OrderBy(p => p.StartDate == null).ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id),
    };

    /// <summary>Count and sums for the filter, computed by PostgreSQL, one row per currency.</summary>
    public static async Task<RegisterTotals> TotalsAsync(GlasDbContext db, ProjectFilter f, CancellationToken ct)
    {
        var rows = await Filtered(db, f).GroupBy(p => p.Currency)
            .Select(g => new CurrencyTotals(g.Key, g.Count(), g.Sum(p => p.TotalValue) ?? 0, g.Sum(p => p.Grant) ?? 0, g.Sum(p => p.PaidTotal)))
            .ToListAsync(ct);
        rows = rows.OrderBy(r => r.Currency).ToList();
        return new RegisterTotals(rows.Sum(r => r.Count), rows);
    }

    public static Task<List<ProjectRow>> PageAsync(GlasDbContext db, ProjectFilter f, int page, int size, CancellationToken ct) =>
        Sorted(Filtered(db, f), f).Skip((page - 1) * size).Take(size)
            .Select(p => new ProjectRow(p.Id, p.Code, p.Title, p.Status, p.Role, p.Programme, p.LeadOrganisation != null ? p.LeadOrganisation.Name : null,
                p.Currency, p.TotalValue, p.Grant, p.PaidTotal, p.StartDate, p.EndDate, p.FirstYear, p.LastYear))
            .ToListAsync(ct);

    /// <summary>Loads one project with everything its page shows except history, news and comments.</summary>
    public static async Task<Project?> FullAsync(GlasDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var q = tracking ? db.Projects : db.Projects.AsNoTracking();
        var project = await q.Include(p => p.LeadOrganisation)
            .Include(p => p.Partners).ThenInclude(x => x.Organisation)
            .Include(p => p.Payments)
            .Include(p => p.Indicators)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is not null)
        {
            project.Documents = (await DocumentLibrary.ListAsync(db, ProjectDocumentSubjects.SubjectKind, [id], ProjectDocumentSubjects.Path, ct)).GetValueOrDefault(id) ?? [];
        }
        return project;
    }

    /// <summary>Total value by the year a project starts in; each currency summed in SQL, then converted once.</summary>
    public static async Task<List<ChartBar>> ByYearAsync(GlasDbContext db, CancellationToken ct) =>
        Bars((await db.Projects.Where(p => p.FirstYear != null).GroupBy(p => new { Year = p.FirstYear!.Value, p.Currency })
                .Select(g => new { g.Key.Year, g.Key.Currency, Value = g.Sum(p => p.TotalValue) ?? 0, Count = g.Count() })
                .ToListAsync(ct))
            .Select(x => (x.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Currency, x.Value, x.Count)))
        .OrderBy(b => b.Label, StringComparer.Ordinal).ToList();

    /// <summary>Total value by funding programme, largest first.</summary>
    public static async Task<List<ChartBar>> ByProgrammeAsync(GlasDbContext db, string unknown, CancellationToken ct) =>
        Bars((await db.Projects.GroupBy(p => new { p.Programme, p.Currency })
                .Select(g => new { g.Key.Programme, g.Key.Currency, Value = g.Sum(p => p.TotalValue) ?? 0, Count = g.Count() })
                .ToListAsync(ct))
            .Select(x => (x.Programme ?? unknown, x.Currency, x.Value, x.Count)))
        .OrderByDescending(b => b.ValueEur).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

    private static IEnumerable<ChartBar> Bars(IEnumerable<(string Label, Currency Currency, decimal Value, int Count)> rows) =>
        rows.GroupBy(r => r.Label).Select(g =>
        {
            decimal Sum(Currency c) => g.Where(r => r.Currency == c).Sum(r => r.Value);
            var (bgn, eur) = (Sum(Currency.BGN), Sum(Currency.EUR));
            return new ChartBar(g.Key, Currencies.ToEur(bgn, Currency.BGN) + eur, bgn + Currencies.ToBgn(eur, Currency.EUR), g.Sum(r => r.Count));
        });

    public static Task<List<string>> ProgrammesAsync(GlasDbContext db, CancellationToken ct) =>
        db.Projects.Where(p => p.Programme != null).Select(p => p.Programme!).Distinct().OrderBy(p => p).ToListAsync(ct);

    public static Task<List<Organisation>> OrganisationsAsync(GlasDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public static async Task<(int Min, int Max)?> YearRangeAsync(GlasDbContext db, CancellationToken ct)
    {
        var min = await db.Projects.MinAsync(p => p.FirstYear, ct);
        var max = await db.Projects.MaxAsync(p => p.LastYear, ct);
        return min is { } a && max is { } b ? (a, b) : null;
    }

    /// <summary>What the filter form offers, cached per tenant (see <see cref="FilterOptionsCache"/>).</summary>
    public static Task<FilterOptions> OptionsAsync(GlasDbContext db, FilterOptionsCache cache, Guid tenantId, CancellationToken ct) =>
        cache.GetAsync(tenantId, async () => new FilterOptions(
            await ProgrammesAsync(db, ct),
            (await OrganisationsAsync(db, ct)).Select(o => (o.Id, o.Name)).ToList(),
            await YearRangeAsync(db, ct)));
}

public sealed record FilterOptions(List<string> Programmes, List<(Guid Id, string Name)> Organisations, (int Min, int Max)? Years);

/// <summary>
/// The register's filter choices per tenant for a minute, so the list page needs only its own two
/// queries. The editor drops a tenant's entry whenever it changes a project.
/// </summary>
public sealed class FilterOptionsCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset At, FilterOptions Options)> entries = new();

    public async Task<FilterOptions> GetAsync(Guid tenantId, Func<Task<FilterOptions>> load)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(tenantId, out var entry) && now - entry.At < Lifetime)
        {
            return entry.Options;
        }
        var options = await load();
        entries[tenantId] = (now, options);
        return options;
    }

    public void Invalidate(Guid tenantId) => entries.TryRemove(tenantId, out _);
}
