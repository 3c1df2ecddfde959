using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Rules;

/// <summary>One line of the public moderation log: a month (Sofia time), a reason as the moderators gave it, and how many comments were hidden for it.</summary>
public sealed record ModerationCount(int Year, int Month, string Reason, int Hidden);

/// <summary>The public moderation log in aggregate: hidden comments per month and per reason, for the last 24 months; never which comment or whose.</summary>
public sealed class ModerationModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ModerationCount> Rows { get; private set; } = [];

    public IReadOnlyList<(int Year, int Month, int Hidden)> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddMonths(-24);
        var hidden = await db.Comments.AsNoTracking().Where(c => c.HiddenAt != null && c.HiddenAt >= since)
            .Select(c => new { At = c.HiddenAt!.Value, c.HiddenReason }).ToListAsync(ct);
        Rows = hidden
            .Select(h => (Local: Formats.ToSofia(h.At), Reason: string.IsNullOrWhiteSpace(h.HiddenReason) ? "—" : h.HiddenReason.Trim()))
            .GroupBy(h => (h.Local.Year, h.Local.Month, h.Reason))
            .Select(g => new ModerationCount(g.Key.Year, g.Key.Month, g.Key.Reason, g.Count()))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenByDescending(r => r.Hidden).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        Months = Rows.GroupBy(r => (r.Year, r.Month)).Select(g => (g.Key.Year, g.Key.Month, g.Sum(r => r.Hidden))).ToList();
    }
}
