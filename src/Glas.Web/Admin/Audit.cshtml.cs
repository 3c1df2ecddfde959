using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Admin;

public sealed class AuditModel(GlasDbContext db) : PageModel
{
    public sealed record Row(DateTimeOffset At, string? Actor, string Action, string Subject, string? Details);

    public List<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = new(1, 50, 0, "");

    public async Task OnGetAsync(int? p)
    {
        const int size = 50;
        Total = await db.AuditEntries.CountAsync();
        Pager = new Pager(p ?? 1, size, Total, "");
        Items = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Pager.Current - 1) * size).Take(size)
            .Select(a => new Row(a.At, db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(), a.Action, a.Subject, a.Details))
            .ToListAsync();
    }
}
