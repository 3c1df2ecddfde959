using Glas.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Home;

/// <summary>The visible language switch: a POST that sets the culture cookie and returns to the page.</summary>
public sealed class CultureModel(TimeProvider time) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (Cultures.IsSupported(culture))
        {
            Response.SetCultureCookie(culture!, time.GetUtcNow());
        }
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect("~/");
    }
}
