using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// Ending a subscription from the link in any of its e-mails, without signing in. GET only shows
/// the button. A POST with no handler is the RFC 8058 one-click unsubscribe a mail program sends
/// (no form, so no antiforgery token); the page's own button posts with antiforgery, checked by
/// hand. A forged link is refused; a used one finds nothing left to end.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(GlasDbContext db, SubscriptionTokens tokens, IAntiforgery antiforgery) : PageModel
{
    public bool Valid { get; private set; }

    /// <summary>Whether the subscription the link names still exists (in this administration).</summary>
    public bool Exists { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await ReadAsync(token, ct) is null ? Invalid() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct) =>
        await ReadAsync(token, ct) is { } id ? await EndAsync(id, ct) : Invalid();

    public async Task<IActionResult> OnPostChooseAsync(string token, CancellationToken ct) =>
        await antiforgery.IsRequestValidAsync(HttpContext) && await ReadAsync(token, ct) is { } id ? await EndAsync(id, ct) : Invalid();

    private async Task<Guid?> ReadAsync(string token, CancellationToken ct)
    {
        var id = tokens.ReadUnsubscribe(token);
        Valid = id is not null;
        Exists = id is { } x && await db.Subscriptions.AnyAsync(s => s.Id == x, ct);
        return id;
    }

    private async Task<IActionResult> EndAsync(Guid id, CancellationToken ct)
    {
        await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        Done = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Valid = false;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
