using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Rules;

/// <summary>The rules in force (or the version asked for), the next version when one is announced, and every version.</summary>
public sealed class IndexModel(GlasDbContext db, RulesGate gate, TimeProvider time) : PageModel
{
    public RulesVersion? Current { get; private set; }
    public RulesVersion? Upcoming { get; private set; }
    public RulesVersion? Pending { get; private set; }
    public IReadOnlyList<RulesVersion> Versions { get; private set; } = [];

    [FromQuery(Name = "version")]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Versions = await db.RulesVersions.AsNoTracking().OrderByDescending(v => v.Version).Take(100).ToListAsync(ct);
        Current = Version is { } asked ? Versions.FirstOrDefault(v => v.Version == asked) : Versions.FirstOrDefault(v => v.EffectiveFrom <= now);
        if (Version is not null && Current is null)
        {
            return NotFound();
        }
        Upcoming = Versions.Where(v => v.EffectiveFrom > now).MinBy(v => v.Version);
        if (User.UserId() is { } user)
        {
            Pending = await gate.PendingAsync(user, ct);
        }
        return Page();
    }
}
