using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

/// <summary>The published справка, public; officials may look at it before publishing.</summary>
public sealed class ReportModel(GlasDbContext db, TenantRoles roles) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public List<ReportGroup> Groups { get; private set; } = [];
    public Dictionary<AnswerOutcome, int> Totals { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsDraftPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return NotFound();
        }
        var official = await roles.CurrentRoleAsync(User) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
        if (!ReportData.IsPublic(c.Status) && !official)
        {
            return NotFound();
        }
        IsDraftPreview = !ReportData.IsPublic(c.Status);
        Consultation = c;
        Groups = await ReportData.LoadAsync(db, id, false, HttpContext.RequestAborted);
        Total = Groups.Sum(g => g.Rows.Count);
        Totals = Groups.SelectMany(g => g.Rows).Where(r => r.Outcome is not null).GroupBy(r => r.Outcome!.Value).ToDictionary(g => g.Key, g => g.Count());
        return Page();
    }
}
