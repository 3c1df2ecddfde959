using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Home;

/// <summary>
/// The visible language switch: a POST that sets the culture cookie and returns to the page. A
/// signed-in person's switch carries the antiforgery token; an anonymous page carries none (it is
/// cached for every reader), so an anonymous switch must come from a page of this installation
/// (its Origin, or else its Referer, names one of our host names).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(TimeProvider time, IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true ? !await antiforgery.IsRequestValidAsync(HttpContext) : !FromOwnPage())
        {
            return BadRequest();
        }
        if (Cultures.IsSupported(culture))
        {
            Response.SetCultureCookie(culture!, time.GetUtcNow());
        }
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect("~/");
    }

    private bool FromOwnPage() =>
        (Request.Headers.Origin.FirstOrDefault() ?? Request.Headers.Referer.FirstOrDefault()) is { } source && SecurityExtensions.IsOwnHost(HttpContext, source);
}
