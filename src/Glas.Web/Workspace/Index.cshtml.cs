using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Glas.Web.Workspace;

/// <summary>„Моята работа“: the tasks of every module for a moderator, official or administrator of this administration.</summary>
[Authorize]
public sealed class IndexModel(ModuleCatalog modules, TenantRoles roles, TenantContext tenant, TimeProvider time, IMemoryCache cache) : PageModel
{
    public List<WorkGroup> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public TenantRole Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Staff of this administration only; a participant (or staff of another administration) is refused.
        if (await WorkList.ContextAsync(User, roles, time) is not { } who)
        {
            return Forbid();
        }
        Role = who.Role;
        Groups = await WorkList.LoadAsync(modules, HttpContext.RequestServices, who, ct);
        Total = WorkList.Count(Groups);
        WorkList.Remember(cache, tenant.Required.Id, who.UserId, Total);
        return Page();
    }
}
