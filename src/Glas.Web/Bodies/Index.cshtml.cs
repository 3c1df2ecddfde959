using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>The administration's bodies, paged, with their present number of members.</summary>
public sealed class IndexModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, BodyKind Kind, string Name, DateOnly TermStart, DateOnly? TermEnd, int Members);

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(time.GetUtcNow()).DateTime);
        Pager = new Pager(p, BodiesApi.PageSize, await db.Bodies.CountAsync(ct));
        Rows = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).Skip(Pager.Skip).Take(Pager.Size)
            .Select(b => new Row(b.Id, b.Kind, b.Name, b.TermStart, b.TermEnd,
                db.BodyMembers.Count(m => m.BodyId == b.Id && m.From <= today && (m.To == null || m.To >= today))))
            .ToListAsync(ct);
    }
}
