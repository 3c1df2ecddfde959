using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Notifications;

/// <summary>The person's notices in this administration, newest first, paged; "mark all read".</summary>
[Authorize]
public sealed class IndexModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NotificationsText> t) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Kind, string Title, string Path, DateTimeOffset CreatedAt, bool Unread);

    public List<Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int p = 1, CancellationToken ct = default)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        // The tenant filter keeps every query to this administration; the user filter to this person.
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var total = await mine.CountAsync(ct);
        Unread = await db.UnreadCountAsync(me, ct);
        Pager = new Pager(p, PageSize, total, "");
        Rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Pager.Current - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Kind, n.Title, n.Path, n.CreatedAt, n.ReadAt == null))
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData["Status"] = t["Page.MarkedRead"].Value;
        return Redirect(Request.PathBase + "/account/notifications");
    }

    /// <summary>The text of a kind of notice; a kind without its own text gets the general one.</summary>
    public string Label(string kind) => t["Kind." + kind] is { ResourceNotFound: false } s ? s.Value : t["Kind.Other"].Value;
}
