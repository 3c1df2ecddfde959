using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Glas.Web.Workspace;

/// <summary>The header's link „Моята работа (N)“, for the administration's staff only; nothing for anyone else.</summary>
public sealed class WorkLinkViewComponent(ModuleCatalog modules, TenantRoles roles, TenantContext tenant, TimeProvider time, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (tenant.TenantId is not { } tenantId || await WorkList.ContextAsync(UserClaimsPrincipal, roles, time) is not { } who)
        {
            return Content("");
        }
        var count = await WorkList.CountAsync(cache, tenantId, modules, HttpContext.RequestServices, who, HttpContext.RequestAborted);
        return View("/Workspace/_WorkLink.cshtml", count);
    }
}
