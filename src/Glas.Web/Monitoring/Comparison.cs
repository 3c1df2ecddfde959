using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>One member municipality's indicator in a comparison: its latest value and status.</summary>
public sealed record ComparedIndicator(string Member, PolicyIndicator Indicator, IndicatorValue? Latest, ScoreStatus Status, bool OwnAdministration);

/// <summary>The members' indicators that share a code, for one code.</summary>
public sealed record ComparedCode(string Code, string Name, IReadOnlyList<ComparedIndicator> Members);

/// <summary>
/// An association's comparison of its member municipalities' indicators where they share an indicator
/// code: indicators the association itself keeps for a member (<see cref="PolicyIndicator.Municipality"/>)
/// and the indicators of members that have their own administration in Glas (named "Община &lt;member&gt;").
/// </summary>
public static class Comparison
{
    /// <summary>At most this many indicators are compared (the page shows them all, grouped by code).</summary>
    public const int MaxIndicators = 2000;

    /// <summary>The administration in Glas of a member municipality, matched by its Bulgarian name.</summary>
    public static bool IsMember(string nameBg, string member) => string.Equals(nameBg, "Община " + member, StringComparison.Ordinal);

    public static async Task<IReadOnlyList<ComparedCode>> BuildAsync(GlasDbContext db, Tenant association, DateOnly today, CancellationToken ct)
    {
        var members = association.Members;
        var tenants = (await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Municipality).Select(t => new { t.Id, t.NameBg }).ToListAsync(ct))
            .Select(t => (t.Id, Member: members.FirstOrDefault(m => IsMember(t.NameBg, m))))
            .Where(t => t.Member is not null).ToDictionary(t => t.Id, t => t.Member!);
        var memberTenantIds = tenants.Keys.ToList();
        var own = await db.PolicyIndicators.AsNoTracking()
            .Where(i => i.TenantId == association.Id && i.Code != null && i.Municipality != null && members.Contains(i.Municipality))
            .Take(MaxIndicators).ToListAsync(ct);
        var theirs = memberTenantIds.Count == 0 ? [] : await db.PolicyIndicators.IgnoreQueryFilters().AsNoTracking()
            .Where(i => memberTenantIds.Contains(i.TenantId) && i.Code != null)
            .Take(MaxIndicators).ToListAsync(ct);
        var all = own.Select(i => (Member: i.Municipality!, Indicator: i, Own: true))
            .Concat(theirs.Select(i => (Member: tenants[i.TenantId], Indicator: i, Own: false))).ToList();
        // Only codes that at least two members share.
        var shared = all.GroupBy(x => x.Indicator.Code!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Member).Distinct(StringComparer.Ordinal).Count() >= 2).ToList();
        var ids = shared.SelectMany(g => g.Select(x => x.Indicator.Id)).ToList();
        var values = ids.Count == 0 ? [] : await db.IndicatorValues.IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.ReplacedAt == null).ToListAsync(ct);
        var latest = values.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Year).First());
        return shared.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var rows = g.OrderBy(x => members.IndexOf(x.Member)).ThenBy(x => x.Own).Select(x =>
            {
                var i = x.Indicator;
                var last = latest.GetValueOrDefault(i.Id);
                (int, decimal)? point = last is null ? null : (last.Year, last.Value);
                return new ComparedIndicator(x.Member, i, last, Scorecard.Indicator(i.Direction, i.BaselineValue, i.BaselineYear, i.TargetValue, i.TargetYear, point, today.Year), x.Own);
            }).ToList();
            return new ComparedCode(g.Key.ToUpperInvariant(), rows[0].Indicator.Name, rows);
        }).ToList();
    }
}
