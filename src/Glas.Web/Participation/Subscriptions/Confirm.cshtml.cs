using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// The second step of the double opt-in: the link from the e-mail shows the request (GET changes
/// nothing) and the button confirms it. Confirming twice leaves one subscription.
/// </summary>
public sealed class ConfirmModel(GlasDbContext db, SubscriptionTokens tokens, TimeProvider time) : PageModel
{
    public SubscriptionRequest? Asked { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string token) => Read(token) ? Page() : Invalid();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!Read(token))
        {
            return Invalid();
        }
        var r = Asked!;
        await SubscriptionStore.SaveForEmailAsync(db, r.TenantId, r.Email, new SubscriptionChoice(r.Kinds, r.Topics, r.Frequency), time.GetUtcNow(), ct);
        Done = true;
        return Page();
    }

    /// <summary>A link of another administration is not valid here.</summary>
    private bool Read(string token)
    {
        Asked = tokens.ReadConfirmation(token) is { } r && r.TenantId == HttpContext.CurrentTenant().Id ? r : null;
        return Asked is not null;
    }

    private PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
