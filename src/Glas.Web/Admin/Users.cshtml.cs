using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Admin;

public sealed class UsersModel(GlasDbContext db, TenantContext tenant, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Membership> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public string? Query { get; private set; }
    public Pager Pager => new(PageNumber, AdminApi.PageSize, Total, Query is null ? "" : "q=" + Uri.EscapeDataString(Query));

    public async Task OnGetAsync(string? q, int? p)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        (Items, Total, PageNumber) = await Members.PageAsync(db, Query, p, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(Guid userId, string? role, string? q, int? p)
    {
        if (!Enum.TryParse<TenantRole>(role, out var parsed) || !Enum.IsDefined(parsed))
        {
            ModelState.AddModelError(string.Empty, l["Validation.Invalid"]);
        }
        else
        {
            var result = await Members.ChangeRoleAsync(db, tenant.Required, User.UserId(), userId, parsed, time.GetUtcNow(), HttpContext.RequestAborted);
            switch (result)
            {
                case Members.ChangeResult.NotFound:
                    return NotFound();
                case Members.ChangeResult.LastAdministrator:
                    ModelState.AddModelError(string.Empty, l["Admin.Users.LastAdmin"]);
                    break;
                default:
                    TempData["Status"] = l["Admin.Users.Changed"].Value;
                    return RedirectToPage(new { q, p });
            }
        }
        await OnGetAsync(q, p);
        return Page();
    }
}
