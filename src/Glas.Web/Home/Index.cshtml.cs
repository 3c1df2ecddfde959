using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Home;

/// <summary>The administration's home page: each module's section, members and contact.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
