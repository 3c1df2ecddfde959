using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.ParticipationIndex;

/// <summary>A member of an association and its index per year (null: not on this installation, or no data).</summary>
public sealed record MemberIndex(string Name, string? Url, IReadOnlyDictionary<string, decimal?> Years);

/// <summary>The public dashboard: the index and every indicator per year and quarter, the numbers behind them, and an association's members side by side.</summary>
public sealed class IndexModel(IndexStore store, TenantContext tenant, GlasDbContext db, IServiceScopeFactory scopes, PublicAddress addresses) : PageModel
{
    public IReadOnlyList<IndexValue> Years { get; private set; } = [];
    public IReadOnlyList<IndexValue> Quarters { get; private set; } = [];
    public IndexValue? Selected { get; private set; }
    public IndexMethodology Methodology { get; private set; } = null!;
    public IReadOnlyList<MemberIndex> Members { get; private set; } = [];

    [FromQuery(Name = "period")]
    public string? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Methodology = await store.CurrentMethodologyAsync(ct);
        var values = await store.ValuesAsync(ct);
        Years = values.Where(v => v.Kind == PeriodKind.Year).OrderBy(v => v.Start).ToList();
        Quarters = values.Where(v => v.Kind == PeriodKind.Quarter).OrderBy(v => v.Start).ToList();
        if (Period is not null && IndexPeriod.Parse(Period) is null)
        {
            return BadRequest();
        }
        Selected = Period is not null
            ? values.FirstOrDefault(v => v.Period == Period)
            : Years.LastOrDefault(v => v.Value is not null) ?? (Years.Count > 0 ? Years[^1] : null);
        if (Period is not null && Selected is null)
        {
            return NotFound();
        }
        if (tenant.Required.Kind == TenantKind.Association && tenant.Required.Members.Count > 0)
        {
            Members = await MembersAsync(ct);
        }
        return Page();
    }

    /// <summary>Each member by name, matched to the municipality on this installation whose name contains it.</summary>
    private async Task<IReadOnlyList<MemberIndex>> MembersAsync(CancellationToken ct)
    {
        var municipalities = await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality).ToListAsync(ct);
        var rows = new List<MemberIndex>();
        foreach (var name in tenant.Required.Members)
        {
            var match = municipalities.FirstOrDefault(t => t.NameBg.Contains(name, StringComparison.OrdinalIgnoreCase));
            var years = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            if (match is not null)
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = match;
                foreach (var v in (await scope.ServiceProvider.GetRequiredService<IndexStore>().ValuesAsync(ct)).Where(v => v.Kind == PeriodKind.Year))
                {
                    years[v.Period] = v.Value;
                }
            }
            rows.Add(new MemberIndex(match?.NameBg ?? name, match is null ? null : addresses.Absolute(match, "/participation-index"), years));
        }
        return rows;
    }
}
