using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Notifications;

/// <summary>
/// Unsubscribing from a link in an e-mail, without signing in. GET only shows the choice. A POST
/// with no handler is the RFC 8058 one-click unsubscribe a mail program sends (no form, so no
/// antiforgery token): it does what the token names. The page's own buttons post with antiforgery,
/// checked here by hand because the page as a whole must accept the one-click POST.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(GlasDbContext db, UnsubscribeTokens tokens, IAntiforgery antiforgery, TimeProvider time, IStringLocalizer<NotificationsText> t)
    : PageModel
{
    public Unsubscribe? Target { get; private set; }
    public string? SubjectTitle { get; private set; }

    /// <summary>What was done, once a POST succeeded.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await ReadAsync(token, ct) ? Page() : Invalid();

    /// <summary>RFC 8058 one-click: the body is "List-Unsubscribe=One-Click"; the token says what to stop.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await ReadAsync(token, ct))
        {
            return Invalid();
        }
        await ApplyAsync(Target!.All, ct);
        return Page();
    }

    /// <summary>The page's buttons: stop this item, or all notification e-mail.</summary>
    public async Task<IActionResult> OnPostChooseAsync(string token, string? scope, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext) || !await ReadAsync(token, ct))
        {
            return Invalid();
        }
        await ApplyAsync(Target!.All || scope == "all", ct);
        return Page();
    }

    private async Task<bool> ReadAsync(string token, CancellationToken ct)
    {
        Target = tokens.Read(token);
        if (Target is { All: false } one)
        {
            SubjectTitle = await db.Notifications.IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.UserId == one.UserId && n.SubjectKind == one.SubjectKind && n.SubjectId == one.SubjectId)
                .OrderByDescending(n => n.CreatedAt).Select(n => n.Title).FirstOrDefaultAsync(ct);
        }
        return Target is not null;
    }

    private async Task ApplyAsync(bool all, CancellationToken ct)
    {
        var target = Target!;
        if (all)
        {
            await SettingsModel.SaveAsync(db, target.UserId, EmailChoice.Never, time.GetUtcNow(), ct);
            Done = t["Unsubscribe.DoneAll"];
        }
        else
        {
            await db.UnfollowAsync(target.UserId, target.SubjectKind!, target.SubjectId!.Value, ct);
            Done = SubjectTitle is { } title ? t["Unsubscribe.DoneOne", title] : t["Unsubscribe.DoneOneUnknown"];
        }
    }

    private PageResult Invalid()
    {
        Target = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
